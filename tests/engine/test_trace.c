/* test_trace.c -- trace records, the string pool, chunked storage and determinism. */
#include <stddef.h>
#include <stdio.h>

#include "test.h"

static ls_trace_rec rec(ls_time t, int kind, int64_t arg) {
  return (ls_trace_rec){.t = t, .kind = (uint8_t)kind, .arg = arg};
}

TEST(trace_record_size) {
  ASSERT_LE(sizeof(ls_trace_rec), 32);
  /* No hidden padding: the fields add up, so records compare byte for byte. */
  ASSERT_EQ(sizeof(ls_trace_rec), offsetof(ls_trace_rec, arg) + sizeof(int64_t));
  ASSERT_EQ(offsetof(ls_trace_rec, task), 12);
}

TEST(trace_intern_roundtrip) {
  ls_trace *tr = trace_new();
  ASSERT(tr != NULL);
  char buf[] = "hello";
  int64_t h = trace_intern(tr, buf, 5);
  ASSERT_GT(h, 0);
  buf[0] = 'j'; /* the pool has its own copy */
  ASSERT_STR_EQ(trace_str(tr, h), "hello");
  int64_t p = trace_intern(tr, "prefix-and-more", 6);
  ASSERT_STR_EQ(trace_str(tr, p), "prefix");
  ASSERT_NE(p, h);
  ASSERT_EQ(trace_intern(tr, "", 0), 0);
  ASSERT_STR_EQ(trace_str(tr, 0), "");
  ASSERT_STR_EQ(trace_str(tr, -3), "");
  ASSERT_STR_EQ(trace_str(tr, 1 << 30), "");
  ASSERT_STR_EQ(trace_str(NULL, h), "");
  /* Many strings: the pool grows (and moves), ids stay valid. */
  int64_t ids[5000];
  for (int i = 0; i < 5000; i++) {
    char s[32];
    int n = snprintf(s, sizeof s, "name-%d", i);
    ids[i] = trace_intern(tr, s, (size_t)n);
    ASSERT_GT(ids[i], 0);
  }
  for (int i = 0; i < 5000; i++) {
    char s[32];
    snprintf(s, sizeof s, "name-%d", i);
    ASSERT_STR_EQ(trace_str(tr, ids[i]), s);
  }
  ASSERT_STR_EQ(trace_str(tr, h), "hello");
  trace_free(tr);
  trace_free(NULL);
}

TEST(trace_chunks_stable) {
  ls_trace *tr = trace_new();
  const ls_trace_rec *first = NULL, *mid = NULL;
  ASSERT_EQ(trace_count(tr), 0);
  ASSERT(trace_get(tr, 0) == NULL);
  for (int i = 0; i < 10000; i++) {
    ls_trace_rec r = rec(i, LS_EV_NOTE, (int64_t)i * 3);
    ASSERT_EQ(trace_add(tr, &r), 0);
    if (i == 0) first = trace_get(tr, 0);
    if (i == 5000) mid = trace_get(tr, 5000);
  }
  ASSERT_EQ(trace_count(tr), 10000);
  ASSERT_PTR_EQ(trace_get(tr, 0), first);
  ASSERT_PTR_EQ(trace_get(tr, 5000), mid);
  ASSERT_EQ(first->arg, 0);
  ASSERT_EQ(mid->t, 5000);
  for (size_t i = 0; i < 10000; i++) {
    const ls_trace_rec *r = trace_get(tr, i);
    ASSERT_EQ(r->t, (ls_time)i);
    ASSERT_EQ(r->arg, (int64_t)i * 3);
  }
  ASSERT(trace_get(tr, 10000) == NULL);
  ASSERT_GE(trace_bytes(tr), 10000 * sizeof(ls_trace_rec));
  trace_free(tr);
}

/* The hash covers every record byte and the string pool. */
TEST(trace_hash) {
  ls_trace *t1 = trace_new(), *t2 = trace_new();
  ASSERT_U64_EQ(trace_hash(t1), trace_hash(t2));
  for (int i = 0; i < 5000; i++) {
    ls_trace_rec r = rec(i, LS_EV_STEP, i);
    ASSERT_EQ(trace_add(t1, &r), 0);
    ASSERT_EQ(trace_add(t2, &r), 0);
  }
  ASSERT_EQ(trace_intern(t1, "same", 4), trace_intern(t2, "same", 4));
  ASSERT_U64_EQ(trace_hash(t1), trace_hash(t2));
  uint64_t h = trace_hash(t1);
  trace_intern(t1, "one", 3);
  trace_intern(t2, "two", 3);
  ASSERT(trace_hash(t1) != trace_hash(t2));
  ASSERT(trace_hash(t1) != h);
  ls_trace *t3 = trace_new();
  for (int i = 0; i < 5000; i++) {
    ls_trace_rec r = rec(i, LS_EV_STEP, i == 4500 ? -1 : i); /* one field, in the 2nd chunk */
    ASSERT_EQ(trace_add(t3, &r), 0);
  }
  trace_intern(t3, "same", 4);
  ASSERT(trace_hash(t3) != h);
  trace_free(t1);
  trace_free(t2);
  trace_free(t3);
}

TEST(trace_names_and_errors) {
  ASSERT_STR_EQ(trace_kind_name(LS_EV_LOOP_START), "loop_start");
  ASSERT_STR_EQ(trace_kind_name(LS_EV_BLOCK), "block");
  ASSERT_STR_EQ(trace_kind_name(LS_EV_NOTE), "note");
  ASSERT_STR_EQ(trace_kind_name(LS_EV__COUNT), "?");
  ASSERT_STR_EQ(trace_kind_name(-1), "?");
  ASSERT_STR_EQ(ls_strerror(LS_OK), "ok");
  ASSERT_STR_EQ(ls_strerror(LS_ENOMEM), "out of memory");
  ASSERT(strstr(ls_strerror(LS_EDEADLOCK), "deadlock") != NULL);
  ASSERT_STR_EQ(ls_strerror(12345), "unknown error");
  int codes[] = {
#define CODE(name, msg) LS_##name,
      LS_ERRORS(CODE)
#undef CODE
  };
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
    ASSERT_LT(codes[i], 0);
    ASSERT(strcmp(ls_strerror(codes[i]), "unknown error") != 0);
    for (size_t j = 0; j < i; j++)
      ASSERT_NE(codes[i], codes[j]);
  }
}

static void kinds(const ls_trace *tr, char *out, size_t cap) {
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; i < trace_count(tr); i++) {
    int k = snprintf(out + n, cap - n, "%s%s", n ? " " : "",
                     trace_kind_name(trace_get(tr, i)->kind));
    ASSERT(k > 0 && (size_t)k < cap - n);
    n += (size_t)k;
  }
}

TEST(trace_simple_program) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", YIELD, SLEEP(SEC(1)));
  script_spawn(&a);
  soon_log(&e, "x");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  loop_end_trace(e.loop, 0);
  loop_end_trace(e.loop, 0); /* once only */
  char got[1024];
  kinds(e.trace, got, sizeof got);
  ASSERT_STR_EQ(got, "loop_start task_new sched sched " /* A's first step; x */
                     "step suspend sched run "          /* A yields; x runs */
                     "step timer_arm suspend "          /* A sleeps 1 s */
                     "sched timer_fire fut_done sched " /* at 1 s: the timer, A's wake-up */
                     "step task_done loop_end");
  const ls_trace_rec *r = trace_get(e.trace, 4);
  ASSERT_EQ(r->sub, LS_RESUME_START);
  ASSERT_EQ(r->task, a.id);
  r = trace_get(e.trace, 5);
  ASSERT_EQ(r->sub, LS_WAIT_READY);
  r = trace_get(e.trace, 10);
  ASSERT_EQ(r->sub, LS_WAIT_SLEEP);
  ASSERT_EQ(r->arg, SEC(1)); /* wakes at */
  ASSERT_EQ(r->obj, 2);      /* the sleep future: the task itself is future 1 */
  r = trace_get(e.trace, 12);
  ASSERT_EQ(r->t, SEC(1));
  r = trace_get(e.trace, 16);
  ASSERT_EQ(r->sub, LS_OUT_RESULT);
  ASSERT_EQ(r->t, SEC(1));
  ASSERT_EQ(r->task, a.id);
  for (size_t i = 0; i < trace_count(e.trace); i++)
    ASSERT_EQ(trace_get(e.trace, i)->pad, 0);
  env_close(&e);
}

/* A program with a bit of everything, for determinism. */
typedef struct prog {
  script s[4];
  ls_id f;
} prog;

static void worker_hook(script *s, ls_loop *l, int n) {
  prog *p = s->hook_ud;
  if (n != 1) return;
  ASSERT_EQ(fut_resolve(l, p->f, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(task_cancel(l, p->s[2].id), 1);
  loop_block(l, MS(250), 30);
  loop_note(l, LS_EV_PRINT, 0, 0, 31, trace_intern(loop_trace(l), "hello", 5));
}

static void run_program(env *e, prog *p, ls_time clock_start, ls_time worker_sleep) {
  env_init(e);
  e->clock.now = clock_start;
  e->cfg.name = trace_intern(e->trace, "demo", 4);
  env_start(e);
  p->f = fut_new(e->loop, LS_FK_FUTURE);
  SCRIPT(&p->s[0], e, "main", YIELD, SLEEP(SEC(1.5)), AWAIT(p->f));
  SCRIPT(&p->s[1], e, "worker", SLEEP(worker_sleep));
  SCRIPT(&p->s[2], e, "victim", SLEEP(SEC(10)));
  SCRIPT(&p->s[3], e, "failer", YIELD, RAISE);
  p->s[1].hook = worker_hook;
  p->s[1].hook_ud = p;
  for (int i = 0; i < 4; i++)
    script_spawn(&p->s[i]);
  ASSERT(loop_call_later(e->loop, SEC(2), log_cb, "later", 0, 0, 0) != 0);
  soon_log(e, "soon");
  ASSERT_EQ(loop_run(e->loop, LS_RUN_DEFAULT), 0);
  loop_end_trace(e->loop, 0);
}

TEST(trace_deterministic) {
  env e1, e2, e3;
  prog p1, p2, p3;
  run_program(&e1, &p1, 0, SEC(1));
  run_program(&e2, &p2, SEC(7), SEC(1)); /* another start on the clock: loop time is the same */
  ASSERT_STR_EQ(e1.log, e2.log);
  ASSERT_STR_EQ(e1.log, "main1 worker1 victim1 failer1 soon main2 failer2 worker2 victim2! "
                        "main3 main4 later");
  ASSERT_EQ(trace_count(e1.trace), trace_count(e2.trace));
  for (size_t i = 0; i < trace_count(e1.trace); i++)
    if (memcmp(trace_get(e1.trace, i), trace_get(e2.trace, i), sizeof(ls_trace_rec)) != 0)
      test_fail(__FILE__, __LINE__, "record %zu differs (%s vs %s)", i,
                trace_kind_name(trace_get(e1.trace, i)->kind),
                trace_kind_name(trace_get(e2.trace, i)->kind));
  ASSERT_U64_EQ(trace_hash(e1.trace), trace_hash(e2.trace));
  ASSERT_EQ(count_kind(e1.trace, LS_EV_BLOCK), 1);
  ASSERT_EQ(count_kind(e1.trace, LS_EV_PRINT), 1);
  ASSERT_STR_EQ(trace_str(e1.trace, last_kind(e1.trace, LS_EV_PRINT)->arg), "hello");
  ASSERT_STR_EQ(trace_str(e2.trace, trace_get(e2.trace, 0)->arg), "demo");
  /* One sleep a quarter second longer: a different trace, a different hash. */
  run_program(&e3, &p3, 0, SEC(1.25));
  ASSERT(trace_hash(e3.trace) != trace_hash(e1.trace));
  env_close(&e1);
  env_close(&e2);
  env_close(&e3);
}

/* test_fold.c -- folded yield steps: a step that only yielded is stored as one record, and
 * readers get back exactly the three records an unfolded trace holds. */
#include <stdlib.h>
#include <string.h>

#include "test.h"

enum { NTASKS = 1500, NYIELDS = 15 };

typedef void (*hook_fn)(script *s, ls_loop *l, int n);

/* NTASKS tasks of NYIELDS yields each; every task's steps go through `hook` if given. */
static void run_program(env *e, int fold, hook_fn hook, size_t *stored_bytes) {
  env_init(e);
  trace_set_fold(e->trace, fold);
  env_start(e);
  script *s = calloc(NTASKS, sizeof *s);
  ASSERT(s != NULL);
  op ops[NYIELDS];
  for (int i = 0; i < NYIELDS; i++) ops[i] = (op)YIELD;
  for (int i = 0; i < NTASKS; i++) {
    script_init(&s[i], e, "T", ops, NYIELDS);
    s[i].quiet = 1;
    s[i].hook = hook;
    script_spawn(&s[i]);
  }
  ASSERT_EQ(loop_run(e->loop, LS_RUN_DEFAULT), 0);
  loop_end_trace(e->loop, 0);
  if (stored_bytes) *stored_bytes = trace_bytes(e->trace); /* before any read unfolds */
  free(s);
}

static void assert_same(const ls_trace *a, const ls_trace *b) {
  ASSERT_EQ(trace_count(a), trace_count(b));
  for (size_t i = 0; i < trace_count(a); i++)
    if (memcmp(trace_get(a, i), trace_get(b, i), sizeof(ls_trace_rec)) != 0)
      test_fail(__FILE__, __LINE__, "record %zu differs (kind %s vs %s)", i,
                trace_kind_name(trace_get(a, i)->kind), trace_kind_name(trace_get(b, i)->kind));
  ASSERT_U64_EQ(trace_hash(a), trace_hash(b));
}

TEST(fold_same_records) {
  env f, p;
  size_t fbytes, pbytes;
  run_program(&f, 1, NULL, &fbytes);
  run_program(&p, 0, NULL, &pbytes);
  /* 22,500 yield steps: 67,500 records unfolded (two chunks), 22,500 folded (one) */
  ASSERT_LT(fbytes, pbytes);
  assert_same(f.trace, p.trace);
  size_t steps = 0, suspends = 0;
  for (size_t i = 0; i < trace_count(f.trace); i++) {
    const ls_trace_rec *r = trace_get(f.trace, i);
    ASSERT_NE(r->kind, LS_TRACE_FOLDED); /* readers never see a folded record */
    steps += r->kind == LS_EV_STEP;
    suspends += r->kind == LS_EV_SUSPEND && r->sub == LS_WAIT_READY;
  }
  ASSERT_EQ(steps, NTASKS * (NYIELDS + 1));
  ASSERT_EQ(suspends, NTASKS * NYIELDS);
  env_close(&f);
  env_close(&p);
}

/* A reader that counted the trace during a step saw its STEP record: it stays as it is. */
static void read_during_step(script *s, ls_loop *l, int n) {
  (void)l, (void)n;
  const ls_trace *tr = s->e->trace;
  const ls_trace_rec *last = trace_get(tr, trace_count(tr) - 1);
  ASSERT_EQ(last->kind, LS_EV_STEP);
}

TEST(fold_not_after_read) {
  env f, p;
  run_program(&f, 1, read_during_step, NULL);
  run_program(&p, 0, read_during_step, NULL);
  assert_same(f.trace, p.trace);
  env_close(&f);
  env_close(&p);
}

/* A step that recorded something of its own is not folded: the order stays exact. */
static void note_during_step(script *s, ls_loop *l, int n) {
  if (n % 3 == 1) loop_note(l, LS_EV_NOTE, 0, 0, 7, trace_intern(s->e->trace, "n", 1));
}

TEST(fold_not_over_other_records) {
  env f, p;
  run_program(&f, 1, note_during_step, NULL);
  run_program(&p, 0, note_during_step, NULL);
  assert_same(f.trace, p.trace);
  size_t notes = 0;
  for (size_t i = 0; i < trace_count(f.trace); i++)
    notes += trace_get(f.trace, i)->kind == LS_EV_NOTE;
  ASSERT_EQ(notes, NTASKS * 5); /* steps 1, 4, 7, 10, 13 of each task */
  env_close(&f);
  env_close(&p);
}

/* test_loop.c -- the ready queue, run modes, limits, debug mode and loops side by side. */
#include "test.h"

TEST(fifo_first_steps) {
  env e;
  env_open(&e);
  script a, b, c;
  SCRIPT(&a, &e, "A", YIELD, YIELD);
  SCRIPT(&b, &e, "B", YIELD, YIELD);
  SCRIPT(&c, &e, "C", YIELD, YIELD);
  script_spawn(&a);
  script_spawn(&b);
  script_spawn(&c);
  ASSERT_EQ(loop_ready_count(e.loop), 3);
  ASSERT_EQ(a.nsteps, 0); /* task_new only schedules the first step */
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1 B1 C1");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 C1 A2 B2 C2 A3 B3 C3");
  ASSERT_EQ(a.how[0], LS_RESUME_START);
  ASSERT_EQ(a.how[1], LS_RESUME_WAKE);
  ASSERT_EQ(a.how[2], LS_RESUME_WAKE);
  ASSERT_EQ(fut_state(e.loop, c.id), LS_FUT_RESULT);
  ASSERT_EQ(loop_time(e.loop), 0);
  env_close(&e);
}

static void soon_a_hook(script *s, ls_loop *l, int n) {
  if (n == 0) soon_log(s->e, "a");
}

TEST(fifo_callbacks_interleave) {
  env e;
  env_open(&e);
  script a, b;
  SCRIPT(&a, &e, "A", YIELD);
  SCRIPT(&b, &e, "B", YIELD);
  a.hook = soon_a_hook; /* call_soon before yielding: queued ahead of A's next step */
  script_spawn(&a);
  soon_log(&e, "x");
  script_spawn(&b);
  soon_log(&e, "y");
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1 x B1 y");
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1 x B1 y a A2 B2");
  ASSERT_EQ(loop_ready_count(e.loop), 0);
  env_close(&e);
}

typedef struct spawner {
  env *e;
  script *t;
} spawner;

static void q_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "q");
}

static void p_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  spawner *sp = ud;
  env_log(sp->e, "p");
  ASSERT_EQ(loop_call_soon(l, q_cb, NULL, 0, 0), 0);
  script_spawn(sp->t);
}

TEST(fifo_new_arrivals_wait) {
  env e;
  env_open(&e);
  script t;
  SCRIPT(&t, &e, "T", YIELD);
  spawner sp = {&e, &t};
  ASSERT_EQ(loop_call_soon(e.loop, p_cb, &sp, 0, 0), 0);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "p"); /* q and T's first step arrived during the iteration */
  ASSERT_EQ(loop_ready_count(e.loop), 2);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "p q T1");
  ASSERT_EQ(loop_ready_count(e.loop), 1);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "p q T1 T2");
  ASSERT_EQ(loop_ready_count(e.loop), 0);
  ASSERT_EQ(fut_state(e.loop, t.id), LS_FUT_RESULT);
  run_iter(&e, LS_RUN_NOWAIT); /* nothing to do: a no-op, not an error */
  ASSERT_STR_EQ(e.log, "p q T1 T2");
  env_close(&e);
}

/* Ring-buffer growth while the head has wrapped: many tasks each queue a callback and a
 * step per step, so the queue doubles in the middle of an iteration. */
#define NGROW 300
static int grow_seq[NGROW * 8];
static int grow_n;

static void grow_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  grow_seq[grow_n++] = (int)arg;
}

static void grow_hook(script *s, ls_loop *l, int n) {
  int i = (int)(intptr_t)s->hook_ud;
  grow_seq[grow_n++] = 1000 + i * 10 + n;
  ASSERT_EQ(loop_call_soon(l, grow_cb, NULL, (uint64_t)i, 0), 0);
}

TEST(ready_queue_growth) {
  env e;
  env_open(&e);
  static script s[NGROW];
  for (int i = 0; i < NGROW; i++) {
    SCRIPT(&s[i], &e, "G", YIELD, YIELD);
    s[i].quiet = 1;
    s[i].hook = grow_hook;
    s[i].hook_ud = (void *)(intptr_t)i;
    script_spawn(&s[i]);
  }
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  int want[NGROW * 8], n = 0;
  for (int i = 0; i < NGROW; i++)
    want[n++] = 1000 + i * 10;
  for (int step = 1; step <= 2; step++)
    for (int i = 0; i < NGROW; i++) {
      want[n++] = i;
      want[n++] = 1000 + i * 10 + step;
    }
  for (int i = 0; i < NGROW; i++)
    want[n++] = i;
  ASSERT_EQ(grow_n, n);
  for (int i = 0; i < n; i++)
    if (grow_seq[i] != want[i])
      test_fail(__FILE__, __LINE__, "at %d: ran %d, expected %d", i, grow_seq[i], want[i]);
  env_close(&e);
}

static void stamp_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "%s@%lld", (const char *)ud, (long long)(loop_time(l) / MS(1)));
}

TEST(run_modes) {
  env e;
  env_open(&e);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_NOWAIT), 0); /* an empty loop: nothing happens */
  ASSERT_EQ(loop_run(e.loop, LS_RUN_ONCE), 0);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT(loop_call_later(e.loop, SEC(5), stamp_cb, "t", 0, 0, 0) != 0);
  ASSERT_EQ(loop_next_timer(e.loop), SEC(5));
  run_iter(&e, LS_RUN_NOWAIT); /* does not wait: the clock stays put */
  ASSERT_EQ(loop_time(e.loop), 0);
  ASSERT_STR_EQ(e.log, "");
  ASSERT_EQ(loop_timer_count(e.loop), 1);
  run_iter(&e, LS_RUN_ONCE); /* waits: the virtual clock jumps to the deadline */
  ASSERT_EQ(loop_time(e.loop), SEC(5));
  ASSERT_STR_EQ(e.log, "t@5000");
  ASSERT_EQ(loop_timer_count(e.loop), 0);
  ASSERT_EQ(loop_next_timer(e.loop), -1);
  env_close(&e);
}

static void stop_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "stop");
  loop_stop(l);
}

TEST(loop_stop_finishes_iteration) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", YIELD);
  ASSERT_EQ(loop_call_soon(e.loop, stop_cb, NULL, 0, 0), 0);
  soon_log(&e, "y");
  script_spawn(&a);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "stop y A1"); /* the rest of the iteration still ran */
  ASSERT_EQ(loop_ready_count(e.loop), 1);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0); /* the stop was consumed */
  ASSERT_STR_EQ(e.log, "stop y A1 A2");
  env_close(&e);
}

/* As run_until_complete: the done callback that stops the loop runs on the iteration
 * after the future completes, and that iteration finishes. CPython prints the same
 * "A1 B1 A2 B2 B3" for a() = sleep(0) once, b() = sleep(0) forever. */
TEST(run_until_done_stops) {
  env e;
  env_open(&e);
  script a, b;
  SCRIPT(&a, &e, "A", YIELD);
  SCRIPT(&b, &e, "B", YIELD);
  b.forever = 1;
  script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(loop_run_until_done(e.loop, a.id), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 A2 B2 B3");
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_RESULT);
  ASSERT_EQ(loop_ready_count(e.loop), 1); /* B's next step, nothing else */
  /* A future that is already done: exactly one more iteration. */
  ASSERT_EQ(loop_run_until_done(e.loop, a.id), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 A2 B2 B3 B4");
  ASSERT_EQ(loop_run_until_done(e.loop, 999), LS_ENOENT);
  env_close(&e);
}

TEST(run_until_done_deadlock) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  script a, b;
  SCRIPT(&a, &e, "A", AWAIT(f));
  SCRIPT(&b, &e, "B", SLEEP(SEC(5)));
  script_spawn(&a);
  script_spawn(&b);
  /* Not while B's timer is armed: only once nothing can happen any more. */
  ASSERT_EQ(loop_run_until_done(e.loop, a.id), LS_EDEADLOCK);
  ASSERT_STR_EQ(e.log, "A1 B1 B2");
  ASSERT_EQ(loop_time(e.loop), SEC(5));
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_PENDING);
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_PENDING);
  ASSERT_EQ(task_waiting_on(e.loop, a.id), f);
  ASSERT_EQ(task_alive_count(e.loop), 1);
  /* The stop callback was taken off A again: finishing A does not stop a later run. */
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), 0);
  soon_log(&e, "x");
  ASSERT_EQ(loop_run_until_done(e.loop, f), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 B2 A2 x");
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_RESULT);
  ASSERT_EQ(loop_ready_count(e.loop), 0); /* no stale stop callback from A */
  env_close(&e);
}

TEST(limit_max_time) {
  env e;
  env_init(&e);
  e.cfg.max_time = SEC(10);
  env_start(&e);
  script a;
  SCRIPT(&a, &e, "A", SLEEP(SEC(1)));
  a.forever = 1;
  a.quiet = 1;
  script_spawn(&a);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), LS_ETIMELIMIT);
  ASSERT_EQ(a.nsteps, 11); /* at 0, 1, ... 10 s; the 11 s deadline is past the limit */
  ASSERT_EQ(a.at[10], SEC(10));
  ASSERT_EQ(loop_time(e.loop), SEC(10));
  ASSERT_EQ(loop_next_timer(e.loop), SEC(11));
  env_close(&e);
}

TEST(limit_max_handles) {
  env e;
  env_init(&e);
  e.cfg.max_handles = 1000;
  env_start(&e);
  script a, b;
  SCRIPT(&a, &e, "A", YIELD);
  SCRIPT(&b, &e, "B", YIELD);
  a.forever = b.forever = 1;
  a.quiet = b.quiet = 1;
  script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), LS_ESTEPLIMIT);
  ASSERT_EQ(a.nsteps, 500);
  ASSERT_EQ(b.nsteps, 500);
  env_close(&e);
}

static void block_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  loop_block(l, (ls_time)arg, 0);
}

static void block_hook(script *s, ls_loop *l, int n) {
  loop_block(l, n == 0 ? MS(150) : MS(50), 7);
}

/* Debug mode reports handles that took at least the threshold (CPython: dt >= 0.1). */
TEST(debug_slow_hook) {
  env e;
  env_open(&e);
  ASSERT_EQ(loop_debug(e.loop), 0);
  loop_set_debug(e.loop, MS(100));
  ASSERT_EQ(loop_debug(e.loop), MS(100));
  script a;
  SCRIPT(&a, &e, "A", YIELD);
  a.hook = block_hook;
  script_spawn(&a);
  ASSERT_EQ(loop_call_soon(e.loop, block_cb, NULL, (uint64_t)MS(100), 0), 0);
  ASSERT_EQ(loop_call_soon(e.loop, block_cb, NULL, (uint64_t)MS(99), 0), 0);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 A2");
  ASSERT_EQ(e.nslow, 2); /* A1 (150 ms) and the 100 ms callback; not 99 ms, not A2 (50 ms) */
  ASSERT_EQ(e.slow[0].task, a.id);
  ASSERT_EQ(e.slow[0].took, MS(150));
  ASSERT_EQ(e.slow[1].task, 0);
  ASSERT_EQ(e.slow[1].took, MS(100));
  ASSERT_EQ(loop_time(e.loop), MS(150 + 100 + 99 + 50));
  /* Off again: a slow handle goes unreported. */
  loop_set_debug(e.loop, 0);
  ASSERT_EQ(loop_call_soon(e.loop, block_cb, NULL, (uint64_t)SEC(1), 0), 0);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_EQ(e.nslow, 2);
  env_close(&e);
}

static void block_at_2s_hook(script *s, ls_loop *l, int n) {
  if (n == 1) loop_block(l, SEC(1.5), 42);
}

TEST(loop_block_moves_clock) {
  env e;
  env_open(&e);
  script a, b;
  SCRIPT(&a, &e, "A", SLEEP(SEC(2)));
  SCRIPT(&b, &e, "B", SLEEP(SEC(3)), SLEEP(SEC(0.25)));
  a.hook = block_at_2s_hook;
  script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 A2 B2 B3");
  const ls_trace_rec *r = last_kind(e.trace, LS_EV_BLOCK);
  ASSERT(r != NULL);
  ASSERT_EQ(r->t, SEC(2));     /* from */
  ASSERT_EQ(r->arg, SEC(3.5)); /* to */
  ASSERT_EQ(r->task, a.id);
  ASSERT_EQ(r->line, 42);
  /* B's 3 s timer came due while the loop was held: it fires late, at 3.5 s. */
  ASSERT_EQ(b.at[1], SEC(3.5));
  ASSERT_EQ(b.at[2], SEC(3.75));
  ASSERT_EQ(loop_time(e.loop), SEC(3.75));
  /* Outside any task, and with a negative duration (no time passes). */
  loop_block(e.loop, MS(500), 0);
  r = last_kind(e.trace, LS_EV_BLOCK);
  ASSERT_EQ(r->task, 0);
  ASSERT_EQ(r->t, SEC(3.75));
  ASSERT_EQ(r->arg, SEC(4.25));
  loop_block(e.loop, -MS(500), 0);
  r = last_kind(e.trace, LS_EV_BLOCK);
  ASSERT_EQ(r->t, SEC(4.25));
  ASSERT_EQ(r->arg, SEC(4.25));
  ASSERT_EQ(loop_time(e.loop), SEC(4.25));
  ASSERT_EQ(count_kind(e.trace, LS_EV_BLOCK), 3);
  env_close(&e);
}

/* No globals: two loops on their own clocks, stepped in turn, keep their own time. */
TEST(two_loops_side_by_side) {
  env e1, e2;
  env_open(&e1);
  env_open(&e2);
  script a, b;
  SCRIPT(&a, &e1, "A", SLEEP(SEC(1)), SLEEP(SEC(1)), SLEEP(SEC(1)));
  SCRIPT(&b, &e2, "B", SLEEP(SEC(2)), SLEEP(SEC(2)), SLEEP(SEC(2)));
  script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(a.id, b.id); /* ids are per loop */
  int turns = 0;
  while (task_alive_count(e1.loop) || task_alive_count(e2.loop)) {
    ASSERT_LT(++turns, 100);
    ls_time t2 = loop_time(e2.loop);
    run_iter(&e1, LS_RUN_ONCE);
    ASSERT_EQ(loop_time(e2.loop), t2);
    ls_time t1 = loop_time(e1.loop);
    run_iter(&e2, LS_RUN_ONCE);
    ASSERT_EQ(loop_time(e1.loop), t1);
  }
  ASSERT_STR_EQ(e1.log, "A1 A2 A3 A4");
  ASSERT_STR_EQ(e2.log, "B1 B2 B3 B4");
  for (int i = 0; i < 4; i++) {
    ASSERT_EQ(a.at[i], SEC(1) * i);
    ASSERT_EQ(b.at[i], SEC(2) * i);
  }
  ASSERT_EQ(loop_time(e1.loop), SEC(3));
  ASSERT_EQ(loop_time(e2.loop), SEC(6));
  ASSERT_EQ(e1.clock.now, SEC(3));
  ASSERT_EQ(e2.clock.now, SEC(6));
  ASSERT_EQ(trace_count(e1.trace), trace_count(e2.trace)); /* same shape, own records */
  ASSERT_EQ(last_kind(e1.trace, LS_EV_TASK_DONE)->t, SEC(3));
  ASSERT_EQ(last_kind(e2.trace, LS_EV_TASK_DONE)->t, SEC(6));
  env_close(&e1);
  env_close(&e2);
}

TEST(run_until_time) {
  env e;
  env_open(&e);
  script a, b, c;
  SCRIPT(&a, &e, "A", SLEEP(SEC(2)));
  SCRIPT(&b, &e, "B", SLEEP(SEC(3)));
  SCRIPT(&c, &e, "C", SLEEP(SEC(1)));
  script_spawn(&a);
  script_spawn(&b);
  script_spawn(&c);
  ASSERT_EQ(loop_run_until_time(e.loop, SEC(2)), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 C1 C2 A2");
  ASSERT_EQ(loop_time(e.loop), SEC(2));
  ASSERT_EQ(loop_run_until_time(e.loop, SEC(2.5)), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 C1 C2 A2");
  ASSERT_EQ(loop_run_until_time(e.loop, SEC(3)), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 C1 C2 A2 B2");
  ASSERT_EQ(b.at[1], SEC(3));
  ASSERT_EQ(task_alive_count(e.loop), 0);
  env_close(&e);
}

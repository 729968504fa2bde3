/* test_task.c -- task steps, awaiting, cancellation (as asyncio.Task.cancel), names and the
 * alive list. */
#include "test.h"

static ls_id resolve_me;

static void resolve_hook(script *s, ls_loop *l, int n) {
  if (n == 0) ASSERT_EQ(fut_resolve(l, resolve_me, LS_OUT_RESULT, 0), 0);
}

TEST(task_await_future) {
  env e;
  env_open(&e);
  ls_id f = resolve_me = fut_new(e.loop, LS_FK_FUTURE);
  script a, b;
  SCRIPT(&a, &e, "A", AWAIT(f));
  SCRIPT(&b, &e, "B", YIELD);
  b.hook = resolve_hook;
  script_spawn(&a);
  script_spawn(&b);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1 B1"); /* B resolved f; A's wake-up waits for the next iteration */
  ASSERT_EQ(task_waiting_on(e.loop, a.id), f);
  const ls_trace_rec *s = last_kind(e.trace, LS_EV_SUSPEND);
  ASSERT_EQ(s->task, b.id);
  ASSERT_EQ(s->sub, LS_WAIT_READY);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1 B1 A2 B2");
  ASSERT_EQ(a.how[1], LS_RESUME_WAKE);
  ASSERT_EQ(task_waiting_on(e.loop, a.id), 0);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_RESULT);
  /* A's suspension names the future, and the line the step reported. */
  for (size_t i = 0; i < trace_count(e.trace); i++) {
    const ls_trace_rec *r = trace_get(e.trace, i);
    if (r->kind == LS_EV_SUSPEND && r->task == a.id) {
      ASSERT_EQ(r->sub, LS_WAIT_FUTURE);
      ASSERT_EQ(r->obj, f);
      ASSERT_EQ(r->line, 10);
    }
  }
  ASSERT_EQ(task_line(e.loop, a.id), 11);
  env_close(&e);
}

TEST(task_await_done_future) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), 0);
  script a;
  SCRIPT(&a, &e, "A", AWAIT(f));
  script_spawn(&a);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1");
  ASSERT_EQ(loop_ready_count(e.loop), 1);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "A1 A2");
  ASSERT_EQ(a.how[1], LS_RESUME_WAKE);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_RESULT);
  env_close(&e);
}

TEST(task_await_task) {
  env e;
  env_open(&e);
  script a, b;
  SCRIPT(&b, &e, "B", SLEEP(SEC(1)));
  script_spawn(&b);
  SCRIPT(&a, &e, "A", AWAIT(b.id));
  script_spawn(&a);
  run_iter(&e, LS_RUN_ONCE);
  ASSERT_STR_EQ(e.log, "B1 A1");
  ASSERT_EQ(last_kind(e.trace, LS_EV_SUSPEND)->sub, LS_WAIT_TASK);
  ASSERT_EQ(last_kind(e.trace, LS_EV_SUSPEND)->obj, b.id);
  run_iter(&e, LS_RUN_ONCE); /* the timer fires */
  run_iter(&e, LS_RUN_ONCE); /* B finishes; A is scheduled */
  ASSERT_STR_EQ(e.log, "B1 A1 B2");
  ASSERT_EQ(fut_state(e.loop, b.id), LS_FUT_RESULT);
  ASSERT_EQ(a.nsteps, 1);
  run_iter(&e, LS_RUN_ONCE);
  ASSERT_STR_EQ(e.log, "B1 A1 B2 A2");
  ASSERT_EQ(a.how[1], LS_RESUME_WAKE);
  ASSERT_EQ(a.at[1], SEC(1));
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_RESULT);
  env_close(&e);
}

TEST(task_await_task_error) {
  env e;
  env_open(&e);
  script a, b;
  SCRIPT(&b, &e, "B", YIELD, RAISE);
  script_spawn(&b);
  SCRIPT(&a, &e, "A", AWAIT(b.id));
  script_spawn(&a);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "B1 A1 B2 A2");
  ASSERT_EQ(fut_state(e.loop, b.id), LS_FUT_ERROR);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_ERROR); /* the error went through the await */
  const ls_trace_rec *r = last_kind(e.trace, LS_EV_TASK_DONE);
  ASSERT_EQ(r->task, a.id);
  ASSERT_EQ(r->sub, LS_OUT_ERROR);
  ASSERT_EQ(r->line, 11);
  env_close(&e);
}

static ls_id target;

static void cancel_target_hook(script *s, ls_loop *l, int n) {
  if (n == 0) ASSERT_EQ(task_cancel(l, target), 1);
}

/* A sleep cut short by cancellation raises CancelledError at the sleep, at once (the host
 * never sees the sleep's future, so only LS_RESUME_CANCEL can tell it), and disarms the
 * timer, as asyncio.sleep's finally does. */
TEST(task_cancel_sleeping) {
  env e;
  env_open(&e);
  script a, b;
  SCRIPT(&a, &e, "A", SLEEP(SEC(10)));
  SCRIPT(&b, &e, "B", RETURN);
  b.hook = cancel_target_hook;
  target = script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 A2!");
  ASSERT_EQ(a.how[1], LS_RESUME_CANCEL);
  ASSERT_EQ(a.at[1], 0);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  ASSERT_EQ(loop_time(e.loop), 0);
  ASSERT_EQ(loop_timer_count(e.loop), 0);
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_CANCEL), 1);
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_FIRE), 0);
  const ls_trace_rec *r = last_kind(e.trace, LS_EV_CANCEL_REQ);
  ASSERT_EQ(r->task, b.id); /* who asked */
  ASSERT_EQ(r->obj, a.id);  /* whom */
  ASSERT_EQ(last_kind(e.trace, LS_EV_TASK_DONE)->sub, LS_OUT_CANCELLED);
  env_close(&e);
}

TEST(task_cancel_not_started) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", YIELD);
  script_spawn(&a);
  ASSERT_EQ(task_started(e.loop, a.id), 0);
  ASSERT_EQ(task_cancel(e.loop, a.id), 1);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 1);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_PENDING); /* only requested */
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1!"); /* its first step is told to cancel, not to start */
  ASSERT_EQ(a.how[0], LS_RESUME_CANCEL);
  ASSERT_EQ(a.nsteps, 1);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 0);
  ASSERT_EQ(task_cancel(e.loop, a.id), 0);
  env_close(&e);
}

TEST(task_cancel_yielding) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", YIELD, YIELD);
  script_spawn(&a);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_EQ(task_cancel(e.loop, a.id), 1);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 1);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 A2!");
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  env_close(&e);
}

/* Task.cancel on a task awaiting a future cancels that future and leaves no request behind;
 * the future's done callback wakes the task, which (as Task.__wakeup finds the future
 * cancelled) is told to raise CancelledError at the await. */
TEST(task_cancel_awaiting_future) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  script a;
  SCRIPT(&a, &e, "A", AWAIT(f));
  script_spawn(&a);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_EQ(task_cancel(e.loop, a.id), 1);
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_CANCELLED);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 0); /* passed on to f, not kept */
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_PENDING);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 A2!");
  ASSERT_EQ(a.how[1], LS_RESUME_CANCEL);
  ASSERT_EQ(a.at[1], 0);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  env_close(&e);
}

/* Cancelling a task that awaits another task cancels the inner one too; the outer one
 * ends cancelled when the inner one has. */
TEST(task_cancel_awaiting_task) {
  env e;
  env_open(&e);
  script a, b, c;
  SCRIPT(&b, &e, "B", SLEEP(SEC(10)));
  script_spawn(&b);
  SCRIPT(&a, &e, "A", AWAIT(b.id));
  target = script_spawn(&a);
  SCRIPT(&c, &e, "C", RETURN);
  c.hook = cancel_target_hook;
  script_spawn(&c);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "B1 A1 C1 B2! A2!"); /* the inner task ends first */
  ASSERT_EQ(fut_state(e.loop, b.id), LS_FUT_CANCELLED);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 0);
  ASSERT_EQ(loop_time(e.loop), 0);
  ASSERT_EQ(loop_timer_count(e.loop), 0);
  ASSERT_EQ(count_kind(e.trace, LS_EV_CANCEL_REQ), 2); /* A by C, then B on A's behalf */
  env_close(&e);
}

TEST(task_cancel_done) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", RETURN);
  script_spawn(&a);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_EQ(task_cancel(e.loop, a.id), 0);
  ASSERT_EQ(fut_cancel(e.loop, a.id), 0);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_RESULT);
  ASSERT_EQ(count_kind(e.trace, LS_EV_CANCEL_REQ), 0);
  ASSERT_EQ(task_cancel(e.loop, 999), 0);
  ASSERT_EQ(task_cancel(e.loop, f), 0); /* not a task */
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_PENDING);
  env_close(&e);
}

static void cancel_self_hook(script *s, ls_loop *l, int n) {
  if (n == 0) ASSERT_EQ(task_cancel(l, loop_current_task(l)), 1);
}

/* CPython's __step: a coroutine that returns while a cancellation is pending ends the
 * task cancelled, not with its result. */
TEST(task_cancel_self_then_return) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", RETURN);
  a.hook = cancel_self_hook;
  script_spawn(&a);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1");
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  ASSERT_EQ(last_kind(e.trace, LS_EV_TASK_DONE)->sub, LS_OUT_CANCELLED);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 0);
  env_close(&e);
}

/* A cancellation asked for during the step is passed on to what the step then waits on. */
TEST(task_cancel_self_then_sleep) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", SLEEP(SEC(5)));
  a.hook = cancel_self_hook;
  script_spawn(&a);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 A2!");
  ASSERT_EQ(loop_time(e.loop), 0);
  ASSERT_EQ(loop_timer_count(e.loop), 0);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  env_close(&e);
}

static ls_id awaited;

static void resolve_then_cancel_hook(script *s, ls_loop *l, int n) {
  if (n != 0) return;
  ASSERT_EQ(fut_resolve(l, awaited, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(task_cancel(l, target), 1);
  ASSERT_EQ(task_cancelling(l, target), 1); /* the future was done: kept for the step */
}

/* The future is done and the wake-up queued when the cancel comes: Task.__step throws
 * CancelledError in anyway (_must_cancel). */
TEST(task_cancel_with_wakeup_pending) {
  env e;
  env_open(&e);
  awaited = fut_new(e.loop, LS_FK_FUTURE);
  script a, b;
  SCRIPT(&a, &e, "A", AWAIT(awaited));
  SCRIPT(&b, &e, "B", RETURN);
  b.hook = resolve_then_cancel_hook;
  target = script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 A2!");
  ASSERT_EQ(fut_state(e.loop, awaited), LS_FUT_RESULT);
  ASSERT_EQ(fut_state(e.loop, a.id), LS_FUT_CANCELLED);
  env_close(&e);
}

static script spawned;

static void spawn_hook(script *s, ls_loop *l, int n) {
  if (n != 0) return;
  SCRIPT(&spawned, s->e, "delta", YIELD);
  script_spawn(&spawned);
}

static ls_id alive_list(ls_loop *l, ls_id *out, int max) {
  int n = 0;
  for (ls_id t = task_first_alive(l); t; t = task_next_alive(l, t)) {
    ASSERT_LT(n, max);
    out[n++] = t;
  }
  ASSERT_EQ(n, task_alive_count(l));
  return (ls_id)n;
}

TEST(task_names_and_alive_list) {
  env e;
  env_open(&e);
  ls_id ids[8];
  ASSERT_EQ(task_first_alive(e.loop), 0);
  ASSERT_EQ(alive_list(e.loop, ids, 8), 0);
  script a, b, c;
  SCRIPT(&a, &e, "alpha", YIELD, YIELD);
  SCRIPT(&b, &e, "beta", RETURN);
  SCRIPT(&c, &e, "gamma", YIELD);
  a.hook = spawn_hook;
  script_spawn(&a);
  script_spawn(&b);
  script_spawn(&c);
  ASSERT_STR_EQ(trace_str(e.trace, task_name(e.loop, b.id)), "beta");
  ASSERT_PTR_EQ(task_ud(e.loop, c.id), &c);
  ASSERT_EQ(task_is(e.loop, a.id), 1);
  ASSERT_EQ(task_is(e.loop, 999), 0);
  ASSERT_EQ(alive_list(e.loop, ids, 8), 3);
  ASSERT_EQ(ids[0], a.id);
  ASSERT_EQ(ids[1], b.id);
  ASSERT_EQ(ids[2], c.id);
  int64_t renamed = trace_intern(e.trace, "renamed", 7);
  task_set_name(e.loop, c.id, renamed);
  ASSERT_STR_EQ(trace_str(e.trace, task_name(e.loop, c.id)), "renamed");
  const ls_trace_rec *r = last_kind(e.trace, LS_EV_TASK_RENAME);
  ASSERT_EQ(r->task, c.id);
  ASSERT_EQ(r->arg, renamed);
  run_iter(&e, LS_RUN_NOWAIT); /* alpha makes delta; beta ends */
  ASSERT_STR_EQ(e.log, "alpha1 beta1 gamma1");
  ASSERT_EQ(alive_list(e.loop, ids, 8), 3);
  ASSERT_EQ(ids[0], a.id);
  ASSERT_EQ(ids[1], c.id);
  ASSERT_EQ(ids[2], spawned.id);
  ASSERT_EQ(task_next_alive(e.loop, b.id), 0); /* done: off the list */
  r = last_kind(e.trace, LS_EV_TASK_NEW);
  ASSERT_EQ(r->task, spawned.id);
  ASSERT_EQ(r->obj, a.id); /* made by alpha */
  ASSERT_STR_EQ(trace_str(e.trace, r->arg), "delta");
  run_iter(&e, LS_RUN_NOWAIT); /* gamma ends, from the middle of the list */
  ASSERT_STR_EQ(e.log, "alpha1 beta1 gamma1 delta1 alpha2 gamma2");
  ASSERT_EQ(alive_list(e.loop, ids, 8), 2);
  ASSERT_EQ(ids[0], a.id);
  ASSERT_EQ(ids[1], spawned.id);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "alpha1 beta1 gamma1 delta1 alpha2 gamma2 delta2 alpha3");
  ASSERT_EQ(alive_list(e.loop, ids, 8), 0);
  ASSERT_EQ(task_first_alive(e.loop), 0);
  /* A done task keeps its name and identity. */
  ASSERT_EQ(task_is(e.loop, b.id), 1);
  ASSERT_STR_EQ(trace_str(e.trace, task_name(e.loop, a.id)), "alpha");
  env_close(&e);
}

static void current_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  ASSERT_EQ(loop_current_task(l), 0);
  env_log(loop_host(l), "cb");
}

static void current_hook(script *s, ls_loop *l, int n) {
  ASSERT_EQ(loop_current_task(l), s->id);
  loop_note(l, LS_EV_NOTE, 0, 0, 5, 0);
  ASSERT_EQ(loop_call_soon(l, current_cb, NULL, 0, 0), 0);
}

TEST(task_current) {
  env e;
  env_open(&e);
  ASSERT_EQ(loop_current_task(e.loop), 0);
  script a, b;
  SCRIPT(&a, &e, "A", YIELD);
  SCRIPT(&b, &e, "B", RETURN);
  a.hook = b.hook = current_hook;
  script_spawn(&a);
  script_spawn(&b);
  ASSERT_EQ(fut_add_callback(e.loop, a.id, current_cb, NULL, 0, 0), 0);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 cb A2 cb cb cb"); /* the last: A's done callback */
  ASSERT_EQ(a.current[0], a.id);
  ASSERT_EQ(a.current[1], a.id);
  ASSERT_EQ(b.current[0], b.id);
  ASSERT_EQ(loop_current_task(e.loop), 0);
  /* Notes are stamped with the task that made them. */
  size_t notes = 0;
  for (size_t i = 0; i < trace_count(e.trace); i++) {
    const ls_trace_rec *r = trace_get(e.trace, i);
    if (r->kind != LS_EV_NOTE) continue;
    ASSERT_EQ(r->task, notes == 1 ? b.id : a.id);
    ASSERT_EQ(r->line, 5);
    notes++;
  }
  ASSERT_EQ(notes, 3);
  loop_note(e.loop, LS_EV_WARN, 1, 0, 0, 0);
  ASSERT_EQ(last_kind(e.trace, LS_EV_WARN)->task, 0);
  env_close(&e);
}

/* test_future.c -- future states and done callbacks (each its own call_soon, in order). */
#include "test.h"

/* Callbacks are matched by pointer: one array per word, not string literals that may or
 * may not be merged. */
static char c1[] = "c1", c2[] = "c2", c3[] = "c3", c4[] = "c4", tail[] = "tail",
            nope[] = "nope", g1[] = "g1", g2[] = "g2", late[] = "late";

static void add_cb(env *e, ls_id f, const char *word, uint64_t arg) {
  ASSERT_EQ(fut_add_callback(e->loop, f, log_cb, (void *)word, arg, 0), 0);
}

TEST(fut_callbacks_in_order) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  add_cb(&e, f, c1, 0);
  add_cb(&e, f, c2, 0);
  add_cb(&e, f, c3, 0);
  ASSERT_EQ(loop_ready_count(e.loop), 0);
  size_t sched0 = count_kind(e.trace, LS_EV_SCHED);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_RESULT);
  /* Scheduled, not run: three separate ready entries. */
  ASSERT_STR_EQ(e.log, "");
  ASSERT_EQ(loop_ready_count(e.loop), 3);
  ASSERT_EQ(count_kind(e.trace, LS_EV_SCHED), sched0 + 3);
  ASSERT_EQ(last_kind(e.trace, LS_EV_SCHED)->sub, LS_H_CALLBACK);
  /* Taking one off now changes nothing: they were already handed to call_soon. */
  ASSERT_EQ(fut_remove_callback(e.loop, f, log_cb, c2, 0), 0);
  soon_log(&e, "after");
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "c1 c2 c3 after");
  ASSERT_EQ(count_kind(e.trace, LS_EV_RUN), 4);
  const ls_trace_rec *done = last_kind(e.trace, LS_EV_FUT_DONE);
  ASSERT_EQ(done->obj, f);
  ASSERT_EQ(done->sub, LS_OUT_RESULT);
  env_close(&e);
}

/* Each callback is its own handle: a step limit of two stops between the second and the
 * third. */
TEST(fut_callbacks_separate_handles) {
  env e;
  env_init(&e);
  e.cfg.max_handles = 2;
  env_start(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  add_cb(&e, f, c1, 0);
  add_cb(&e, f, c2, 0);
  add_cb(&e, f, c3, 0);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_ERROR, 0), 0);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), LS_ESTEPLIMIT);
  ASSERT_STR_EQ(e.log, "c1 c2");
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_ERROR);
  env_close(&e);
}

TEST(fut_callback_on_done_future) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(loop_ready_count(e.loop), 0);
  soon_log(&e, "x");
  add_cb(&e, f, late, 0);
  ASSERT_EQ(loop_ready_count(e.loop), 2); /* scheduled at once, behind x */
  soon_log(&e, "y");
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "x late y");
  ASSERT_EQ(fut_add_callback(e.loop, 999, log_cb, "z", 0, 0), LS_ENOENT);
  env_close(&e);
}

TEST(fut_remove_callback) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  add_cb(&e, f, c1, 0);
  add_cb(&e, f, c2, 0);
  add_cb(&e, f, c2, 0);
  add_cb(&e, f, c3, 0);
  add_cb(&e, f, c2, 7); /* a different arg: a different callback */
  add_cb(&e, f, tail, 0);
  ASSERT_EQ(fut_remove_callback(e.loop, f, log_cb, tail, 0), 1); /* the last one */
  ASSERT_EQ(fut_remove_callback(e.loop, f, log_cb, c2, 0), 2);   /* every match */
  ASSERT_EQ(fut_remove_callback(e.loop, f, log_cb, c2, 0), 0);
  ASSERT_EQ(fut_remove_callback(e.loop, f, log_cb, nope, 0), 0);
  add_cb(&e, f, c4, 0); /* appended after the new tail, in a reused slot */
  ASSERT_EQ(fut_remove_callback(e.loop, 999, log_cb, c1, 0), LS_ENOENT);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(loop_ready_count(e.loop), 4);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "c1 c3 c2 c4");
  /* Remove everything, then add again: the list starts over. */
  ls_id g = fut_new(e.loop, LS_FK_FUTURE);
  add_cb(&e, g, g1, 0);
  ASSERT_EQ(fut_remove_callback(e.loop, g, log_cb, g1, 0), 1);
  add_cb(&e, g, g2, 0);
  ASSERT_EQ(fut_cancel(e.loop, g), 1);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_STR_EQ(e.log, "c1 c3 c2 c4 g2");
  env_close(&e);
}

TEST(fut_resolve_twice) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  add_cb(&e, f, c1, 0);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_ERROR, 0), LS_ESTATE);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), LS_ESTATE);
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_RESULT);
  ASSERT_EQ(loop_ready_count(e.loop), 1); /* the callback was scheduled once */
  ASSERT_EQ(count_kind(e.trace, LS_EV_FUT_DONE), 1);
  ASSERT_EQ(fut_resolve(e.loop, 999, LS_OUT_RESULT, 0), LS_ENOENT);
  ASSERT_EQ(fut_resolve(e.loop, 0, LS_OUT_RESULT, 0), LS_ENOENT);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "c1");
  env_close(&e);
}

TEST(fut_cancel) {
  env e;
  env_open(&e);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  add_cb(&e, f, c1, 0);
  ASSERT_EQ(fut_cancel(e.loop, f), 1);
  ASSERT_EQ(fut_state(e.loop, f), LS_FUT_CANCELLED);
  ASSERT_EQ(loop_ready_count(e.loop), 1);
  ASSERT_EQ(last_kind(e.trace, LS_EV_FUT_DONE)->sub, LS_OUT_CANCELLED);
  ASSERT_EQ(fut_cancel(e.loop, f), 0);
  ASSERT_EQ(fut_resolve(e.loop, f, LS_OUT_RESULT, 0), LS_ESTATE);
  ls_id g = fut_new(e.loop, LS_FK_FUTURE);
  ASSERT_EQ(fut_resolve(e.loop, g, LS_OUT_ERROR, 0), 0);
  ASSERT_EQ(fut_cancel(e.loop, g), 0);
  ASSERT_EQ(fut_state(e.loop, g), LS_FUT_ERROR);
  ASSERT_EQ(fut_cancel(e.loop, 999), LS_ENOENT);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "c1");
  env_close(&e);
}

TEST(fut_ids_and_kinds) {
  env e;
  env_open(&e);
  ASSERT_EQ(fut_count(e.loop), 0);
  ASSERT_EQ(fut_valid(e.loop, 0), 0);
  ASSERT_EQ(fut_valid(e.loop, 1), 0);
  ASSERT_EQ(fut_state(e.loop, 1), LS_ENOENT);
  ASSERT_EQ(fut_kind(e.loop, 1), LS_ENOENT);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  script a;
  SCRIPT(&a, &e, "A", SLEEP(SEC(1)));
  script_spawn(&a);
  ls_id g = fut_new(e.loop, LS_FK_GATHER);
  ASSERT_EQ(f, 1);
  ASSERT_EQ(a.id, 2); /* a task is a future too: one id space */
  ASSERT_EQ(g, 3);
  ASSERT_EQ(fut_kind(e.loop, f), LS_FK_FUTURE);
  ASSERT_EQ(fut_kind(e.loop, a.id), LS_FK_TASK);
  ASSERT_EQ(fut_kind(e.loop, g), LS_FK_GATHER);
  ASSERT_EQ(fut_valid(e.loop, g), 1);
  ASSERT_EQ(fut_state(e.loop, g), LS_FUT_PENDING);
  run_iter(&e, LS_RUN_NOWAIT);
  ASSERT_EQ(fut_count(e.loop), 4); /* A's sleep made a future */
  ASSERT_EQ(fut_kind(e.loop, 4), LS_FK_SLEEP);
  /* FUT_NEW is for futures the program made, not for tasks or sleeps. */
  ASSERT_EQ(count_kind(e.trace, LS_EV_FUT_NEW), 2);
  ASSERT_EQ(last_kind(e.trace, LS_EV_FUT_NEW)->sub, LS_FK_GATHER);
  ASSERT_EQ(fut_retrieved(e.loop, f), 0);
  fut_set_retrieved(e.loop, f);
  ASSERT_EQ(fut_retrieved(e.loop, f), 1);
  ASSERT_EQ(fut_retrieved(e.loop, g), 0);
  fut_set_retrieved(e.loop, 999); /* ignored */
  env_close(&e);
}

static int host_cancel_ret;

static int host_cancel(ls_loop *l, void *host, ls_id f) {
  env_log(host, "cancel:%u", (unsigned)f);
  return host_cancel_ret;
}

/* Gathering and host-made futures are cancelled by the host (a gather cancels its
 * children); plain futures and sleeps directly. */
TEST(fut_cancel_host_kinds) {
  env e;
  env_init(&e);
  e.cfg.cancel = host_cancel;
  env_start(&e);
  ls_id g = fut_new(e.loop, LS_FK_GATHER);
  ls_id o = fut_new(e.loop, LS_FK_OTHER);
  ls_id f = fut_new(e.loop, LS_FK_FUTURE);
  host_cancel_ret = 1;
  ASSERT_EQ(fut_cancel(e.loop, g), 1);
  ASSERT_EQ(fut_state(e.loop, g), LS_FUT_PENDING); /* the host decides when it ends */
  host_cancel_ret = 0;
  ASSERT_EQ(fut_cancel(e.loop, o), 0);
  ASSERT_EQ(fut_cancel(e.loop, f), 1);
  ASSERT_STR_EQ(e.log, "cancel:1 cancel:2");
  ASSERT_EQ(fut_resolve(e.loop, g, LS_OUT_RESULT, 0), 0);
  ASSERT_EQ(fut_cancel(e.loop, g), 0); /* done: the host is not asked */
  ASSERT_STR_EQ(e.log, "cancel:1 cancel:2");
  /* A task awaiting a gather: the request goes to the host, and is not kept. */
  ls_id g2 = fut_new(e.loop, LS_FK_GATHER);
  ASSERT_EQ(g2, 4);
  script a;
  SCRIPT(&a, &e, "A", AWAIT(g2));
  script_spawn(&a);
  run_iter(&e, LS_RUN_NOWAIT);
  host_cancel_ret = 1;
  ASSERT_EQ(task_cancel(e.loop, a.id), 1);
  ASSERT_EQ(task_cancelling(e.loop, a.id), 0);
  ASSERT_STR_EQ(e.log, "cancel:1 cancel:2 A1 cancel:4");
  env_close(&e);
  /* Without the hook such futures are cancelled directly. */
  env_open(&e);
  g = fut_new(e.loop, LS_FK_GATHER);
  ASSERT_EQ(fut_cancel(e.loop, g), 1);
  ASSERT_EQ(fut_state(e.loop, g), LS_FUT_CANCELLED);
  env_close(&e);
}

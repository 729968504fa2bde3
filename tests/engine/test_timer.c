/* test_timer.c -- the timer heap, cancellation, sleeps and the virtual clock's jumps. */
#include "test.h"

static void stamp_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "%s@%lld", (const char *)ud, (long long)(loop_time(l) / MS(1)));
}

static ls_id later(env *e, ls_time d, const char *word) {
  ls_id id = loop_call_later(e->loop, d, stamp_cb, (void *)word, 0, 0, 0);
  ASSERT(id != 0);
  return id;
}

TEST(timer_ties_fifo) {
  env e;
  env_open(&e);
  later(&e, SEC(2), "late");
  ls_id prev = 0;
  static const char *const words[] = {"t1", "t2", "t3", "t4", "t5", "t6", "t7"};
  for (int i = 0; i < 7; i++) {
    ls_id id = later(&e, SEC(1), words[i]);
    ASSERT_GT(id, prev);
    prev = id;
  }
  ASSERT_EQ(loop_timer_count(e.loop), 8);
  run_iter(&e, LS_RUN_ONCE); /* all seven are due together and fire in one iteration */
  ASSERT_STR_EQ(e.log, "t1@1000 t2@1000 t3@1000 t4@1000 t5@1000 t6@1000 t7@1000");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "t1@1000 t2@1000 t3@1000 t4@1000 t5@1000 t6@1000 t7@1000 late@2000");
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_ARM), 8);
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_FIRE), 8);
  env_close(&e);
}

TEST(timer_earlier_deadline_first) {
  env e;
  env_open(&e);
  later(&e, SEC(3), "c3");
  later(&e, SEC(1), "c1");
  later(&e, SEC(2), "c2");
  later(&e, -SEC(1), "neg"); /* a deadline in the past: due at once, before the others */
  ASSERT_EQ(loop_next_timer(e.loop), 0);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "neg@0 c1@1000 c2@2000 c3@3000");
  ASSERT_EQ(loop_time(e.loop), SEC(3));
  env_close(&e);
}

TEST(timer_cancel) {
  env e;
  env_open(&e);
  ls_id a = later(&e, SEC(1), "a");
  ls_id b = later(&e, SEC(2), "b");
  later(&e, SEC(3), "c");
  ASSERT_EQ(loop_timer_cancel(e.loop, b), 1);
  ASSERT_EQ(loop_timer_cancel(e.loop, b), 0);
  ASSERT_EQ(loop_timer_count(e.loop), 2);
  ASSERT_EQ(loop_timer_cancel(e.loop, 0), LS_ENOENT);
  ASSERT_EQ(loop_timer_cancel(e.loop, 999), LS_ENOENT);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "a@1000 c@3000");
  ASSERT_EQ(loop_timer_cancel(e.loop, a), 0); /* already fired */
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_CANCEL), 1);
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_FIRE), 2);
  ASSERT_EQ(last_kind(e.trace, LS_EV_TIMER_CANCEL)->obj, b);
  env_close(&e);
}

static ls_id victim;

static void cancel_victim_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "t1");
  ASSERT_EQ(loop_timer_cancel(l, victim), 1);
}

/* Both are due in the same iteration, so t2 already left the heap when t1 cancels it;
 * CPython skips a cancelled handle in the ready queue, and so must we. */
TEST(timer_cancel_same_iteration) {
  env e;
  env_open(&e);
  ASSERT(loop_call_later(e.loop, SEC(1), cancel_victim_cb, NULL, 0, 0, 0) != 0);
  victim = later(&e, SEC(1), "t2");
  later(&e, SEC(1), "t3");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "t1 t3@1000");
  ASSERT_EQ(count_kind(e.trace, LS_EV_TIMER_FIRE), 2);
  ASSERT_EQ(loop_timer_cancel(e.loop, victim), 0);
  env_close(&e);
}

/* Many timers, many ties, cancels and new timers from inside callbacks: each firing must
 * be the earliest live timer by (deadline, id), at exactly its deadline. */
#define NHEAP 2000
static struct {
  ls_time when[NHEAP + 1];
  char live[NHEAP + 1];
  ls_id max;
  int fired;
  uint64_t rng;
} hp;

static uint32_t rnd(void) {
  hp.rng ^= hp.rng << 13;
  hp.rng ^= hp.rng >> 7;
  hp.rng ^= hp.rng << 17;
  return (uint32_t)(hp.rng >> 11);
}

static void heap_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut);

static void heap_arm(ls_loop *l, ls_time d) {
  ls_id id = loop_call_later(l, d, heap_cb, NULL, 0, 0, 0);
  ASSERT(id != 0 && id <= NHEAP);
  ASSERT_EQ(id, hp.max + 1);
  hp.max = id;
  hp.when[id] = loop_time(l) + d;
  hp.live[id] = 1;
}

static void heap_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  ls_id best = 0;
  for (ls_id i = 1; i <= hp.max; i++)
    if (hp.live[i] && (!best || hp.when[i] < hp.when[best])) best = i;
  /* The callback cannot see its own id: find it as the earliest live timer due now. */
  ASSERT(best != 0);
  ASSERT_EQ(hp.when[best], loop_time(l));
  hp.live[best] = 0;
  hp.fired++;
  ASSERT_EQ(last_kind(loop_trace(l), LS_EV_TIMER_FIRE)->obj, best);
  uint32_t r = rnd() % 8;
  if (r < 3) { /* cancel a random live timer: in the heap or already queued */
    ls_id v = 1 + rnd() % hp.max;
    ASSERT_EQ(loop_timer_cancel(l, v), hp.live[v] ? 1 : 0);
    hp.live[v] = 0;
  } else if (r < 6 && hp.max < NHEAP) {
    heap_arm(l, MS(100) * (rnd() % 6));
  }
}

TEST(timer_heap_order) {
  env e;
  env_open(&e);
  hp.rng = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 600; i++)
    heap_arm(e.loop, MS(100) * (rnd() % 30));
  for (int i = 0; i < 150; i++) { /* cancels before the run: heap removals in the middle */
    ls_id v = 1 + rnd() % hp.max;
    ASSERT_EQ(loop_timer_cancel(e.loop, v), hp.live[v] ? 1 : 0);
    hp.live[v] = 0;
  }
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  for (ls_id i = 1; i <= hp.max; i++)
    ASSERT_EQ(hp.live[i], 0);
  ASSERT_GT(hp.fired, 400);
  ASSERT_EQ(loop_timer_count(e.loop), 0);
  env_close(&e);
}

static void t_then_soon_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "T");
  soon_log(loop_host(l), "S");
}

static void wake_hook(script *s, ls_loop *l, int n) {
  if (n == 0) ASSERT(loop_call_later(l, SEC(1), t_then_soon_cb, NULL, 0, 0, 0) != 0);
}

/* CPython: the timer's handle resolves the sleep future; the future's done callback then
 * schedules the task's wake-up, which runs on the next iteration. */
TEST(sleep_wakes_next_iteration) {
  env e;
  env_open(&e);
  script a;
  SCRIPT(&a, &e, "A", SLEEP(SEC(1)));
  a.hook = wake_hook;
  script_spawn(&a);
  run_iter(&e, LS_RUN_ONCE);
  ASSERT_STR_EQ(e.log, "A1");
  ASSERT_EQ(loop_timer_count(e.loop), 2);
  ls_id sleep_fut = task_waiting_on(e.loop, a.id);
  ASSERT_EQ(fut_kind(e.loop, sleep_fut), LS_FK_SLEEP);
  run_iter(&e, LS_RUN_ONCE); /* both timers fire at 1 s; A is only scheduled */
  ASSERT_EQ(loop_time(e.loop), SEC(1));
  ASSERT_STR_EQ(e.log, "A1 T");
  ASSERT_EQ(a.nsteps, 1);
  ASSERT_EQ(fut_state(e.loop, sleep_fut), LS_FUT_RESULT);
  ASSERT_EQ(loop_ready_count(e.loop), 2); /* S, then A's wake-up */
  run_iter(&e, LS_RUN_ONCE);
  ASSERT_STR_EQ(e.log, "A1 T S A2");
  ASSERT_EQ(a.how[1], LS_RESUME_WAKE);
  ASSERT_EQ(a.at[1], SEC(1));
  /* In the trace: the timer fires, the sleep future is done, A's wake-up joins the queue. */
  size_t i = 0;
  while (i < trace_count(e.trace) && !(trace_get(e.trace, i)->kind == LS_EV_FUT_DONE &&
                                       trace_get(e.trace, i)->obj == sleep_fut))
    i++;
  ASSERT(i > 0 && i + 1 < trace_count(e.trace));
  const ls_trace_rec *fire = trace_get(e.trace, i - 1), *done = trace_get(e.trace, i),
                     *sched = trace_get(e.trace, i + 1);
  ASSERT_EQ(fire->kind, LS_EV_TIMER_FIRE);
  ASSERT_EQ(fire->obj, 2); /* timer 1 is T, armed first; 2 is the sleep's */
  ASSERT_EQ(done->sub, LS_OUT_RESULT);
  ASSERT_EQ(done->t, SEC(1));
  ASSERT_EQ(sched->kind, LS_EV_SCHED);
  ASSERT_EQ(sched->sub, LS_H_WAKEUP);
  ASSERT_EQ(sched->task, a.id);
  ASSERT_EQ(sched->obj, sleep_fut);
  env_close(&e);
}

TEST(virtual_clock_jumps) {
  env e;
  env_init(&e);
  e.clock.now = SEC(5); /* loop time counts from the loop's start, not the clock's zero */
  env_start(&e);
  ASSERT_EQ(loop_time(e.loop), 0);
  script a, b, c;
  SCRIPT(&a, &e, "A", SLEEP(SEC(2)));
  SCRIPT(&b, &e, "B", SLEEP(SEC(3)));
  SCRIPT(&c, &e, "C", SLEEP(SEC(1)));
  script_spawn(&a);
  script_spawn(&b);
  script_spawn(&c);
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "A1 B1 C1 C2 A2 B2");
  ASSERT_EQ(c.at[1], SEC(1));
  ASSERT_EQ(a.at[1], SEC(2));
  ASSERT_EQ(b.at[1], SEC(3));
  ASSERT_EQ(loop_time(e.loop), SEC(3)); /* exactly: the clock only ever jumped */
  ASSERT_EQ(e.clock.now, SEC(8));
  ASSERT_EQ(last_kind(e.trace, LS_EV_TASK_DONE)->t, SEC(3));
  env_close(&e);
}

/* call_later(0, z) then call_later(-1, neg): neg's deadline is earlier, so it fires first. */
TEST(timer_negative_delay_first) {
  env e;
  env_open(&e);
  later(&e, 0, "z");
  later(&e, -SEC(1), "neg");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "neg@0 z@0");
  ASSERT_EQ(loop_time(e.loop), 0);
  env_close(&e);
}

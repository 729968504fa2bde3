/* test_idle.c -- the idle hook: where a host with I/O of its own (files on worker threads,
 * sockets) waits on the real clock, so finished I/O can end the wait before the next timer. */
#include "test.h"

static struct {
  int calls, polls, early;
  ls_time deadline[16];
  ls_time at[16]; /* loop time of each call */
} io;

static void io_done(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "io");
}

/* Stands in for lx_io_idle: "I/O" arrives at the first real wait, before the deadline; the
 * next wait lasts until the deadline. */
static int idle_hook(ls_loop *l, void *host, ls_time deadline) {
  env *e = host;
  ls_time now = loop_time(l);
  if (io.calls < 16) {
    io.deadline[io.calls] = deadline;
    io.at[io.calls] = now;
  }
  io.calls++;
  if (deadline < 0) return 0; /* nothing else is coming */
  if (deadline <= now) {
    io.polls++;
    return 1;
  }
  if (io.early) {
    io.early = 0;
    ASSERT_EQ(loop_call_soon(l, io_done, NULL, 0, 0), 0);
    return 1;
  }
  clock_wait_until(&e->clock, clock_now(&e->clock) + (deadline - now));
  return 1;
}

TEST(idle_real_clock_waits) {
  env e;
  env_init(&e);
  clock_init(&e.clock, LS_CLOCK_REAL);
  e.cfg.idle = idle_hook;
  env_start(&e);
  memset(&io, 0, sizeof io);
  io.early = 1;
  ASSERT(loop_call_later(e.loop, MS(20), log_cb, "t", 0, 0, 0) != 0);
  ls_time due = loop_next_timer(e.loop);
  soon_log(&e, "a");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "a io t");
  ASSERT_EQ(io.calls, 4);
  ASSERT_EQ(io.polls, 1);                      /* "a" was ready: only look */
  ASSERT_LE(io.deadline[0], io.at[0] + MS(5)); /* ... with deadline = now */
  ASSERT_EQ(io.deadline[1], due);              /* wait for I/O until the timer: I/O came */
  ASSERT_LT(io.at[1], due);
  ASSERT_EQ(io.deadline[2], due); /* wait again: the timer came */
  ASSERT_EQ(io.deadline[3], -1);  /* nothing left: may anything still come? */
  ASSERT_GE(loop_time(e.loop), due);
  env_close(&e);
}

TEST(idle_virtual_clock_jumps) {
  env e;
  env_init(&e);
  e.cfg.idle = idle_hook;
  env_start(&e);
  memset(&io, 0, sizeof io);
  ASSERT(loop_call_later(e.loop, SEC(5), log_cb, "t", 0, 0, 0) != 0);
  soon_log(&e, "a");
  ASSERT_EQ(loop_run(e.loop, LS_RUN_DEFAULT), 0);
  ASSERT_STR_EQ(e.log, "a t");
  ASSERT_EQ(loop_time(e.loop), SEC(5)); /* the clock jumped; the hook was not asked to wait */
  ASSERT_EQ(io.calls, 1);
  ASSERT_EQ(io.deadline[0], -1);
  env_close(&e);
}

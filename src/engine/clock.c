/* clock.c -- virtual time is a number we move; real time is CLOCK_MONOTONIC. */
#include "clock.h"

#include <errno.h>
#include <time.h>

void clock_init(ls_clock *c, ls_clock_mode mode) {
  c->mode = mode;
  c->now = 0;
}

ls_time clock_mono_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (ls_time)ts.tv_sec * LS_SEC + ts.tv_nsec;
}

void clock_wait_until(ls_clock *c, ls_time t) {
  if (c->mode == LS_CLOCK_VIRTUAL) {
    if (t > c->now) c->now = t;
    return;
  }
  for (;;) {
    ls_time d = t - clock_mono_now();
    if (d <= 0) return;
    struct timespec ts = {(time_t)(d / LS_SEC), (long)(d % LS_SEC)};
    if (nanosleep(&ts, NULL) == 0) return;
    if (errno != EINTR) return;
  }
}

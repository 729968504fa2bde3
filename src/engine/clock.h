/* clock.h -- the loop's clock: virtual (jumps, deterministic) or the wall's monotonic clock. */
#ifndef LS_CLOCK_H
#define LS_CLOCK_H

#include "ls.h"

typedef enum { LS_CLOCK_VIRTUAL = 0, LS_CLOCK_REAL } ls_clock_mode;

/* A plain struct the host owns; several loops may share one clock, one after the other. */
typedef struct ls_clock {
  ls_clock_mode mode;
  ls_time now; /* virtual: the current time; real: unused */
} ls_clock;

void clock_init(ls_clock *c, ls_clock_mode mode);
ls_time clock_mono_now(void);
/* Inline: every trace record reads it, so it sits on the engine's hottest path. */
static inline ls_time clock_now(const ls_clock *c) {
  return c->mode == LS_CLOCK_VIRTUAL ? c->now : clock_mono_now();
}
/* Lets time pass until t: the virtual clock jumps, the real one sleeps. */
void clock_wait_until(ls_clock *c, ls_time t);

#endif

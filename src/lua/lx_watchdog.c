/* lx_watchdog.c -- runaway steps are caught without taxing every step: a count hook makes
 * Lua call back on every VM instruction, so it is armed only when a watchdog thread sees one
 * step (or top-level chunk, or callback) still running after WD_TICKS * WD_TICK_MS. From then
 * on the step has opt.step_budget instructions left before it is stopped. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "lx_int.h"

#define WD_TICK_MS 20
#define WD_TICKS 10

struct lx_wd {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int stop, started;
  lua_State *watched; /* the thread running Lua now, or NULL while the loop waits */
  lua_State *hooked;  /* the thread we armed the hook on */
  uint64_t seq, seen; /* seq moves at every enter/leave */
  int ticks;
  lua_Hook hook;
  int count;
};

static void *wd_main(void *p) {
  lx_wd *wd = p;
  pthread_mutex_lock(&wd->mu);
  while (!wd->stop) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += WD_TICK_MS * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&wd->cv, &wd->mu, &ts);
    if (wd->stop) break;
    if (!wd->watched || wd->seq != wd->seen) {
      wd->seen = wd->seq;
      wd->ticks = 0;
    } else if (++wd->ticks >= WD_TICKS && !wd->hooked) {
      /* lua_sethook may be called asynchronously: it is how lua.c stops a script on ^C */
      lua_sethook(wd->watched, wd->hook, LUA_MASKCOUNT, wd->count);
      wd->hooked = wd->watched;
    }
  }
  pthread_mutex_unlock(&wd->mu);
  return NULL;
}

lx_wd *lx_wd_new(lua_Hook hook, long budget) {
  lx_wd *wd = calloc(1, sizeof *wd);
  if (!wd) return NULL;
  wd->hook = hook;
  wd->count = (int)(budget > 2000000000 ? 2000000000 : budget < 1 ? 1 : budget);
  pthread_mutex_init(&wd->mu, NULL);
  pthread_cond_init(&wd->cv, NULL);
  if (pthread_create(&wd->thread, NULL, wd_main, wd) == 0) wd->started = 1;
  return wd;
}

void lx_wd_free(lx_wd *wd) {
  if (!wd) return;
  if (wd->started) {
    pthread_mutex_lock(&wd->mu);
    wd->stop = 1;
    pthread_cond_signal(&wd->cv);
    pthread_mutex_unlock(&wd->mu);
    pthread_join(wd->thread, NULL);
  }
  pthread_mutex_destroy(&wd->mu);
  pthread_cond_destroy(&wd->cv);
  free(wd);
}

lua_State *lx_wd_enter(lx_wd *wd, lua_State *co) {
  if (!wd) return NULL;
  pthread_mutex_lock(&wd->mu);
  lua_State *prev = wd->watched;
  if (wd->hooked && wd->hooked != co) { /* the hooked thread is suspended now: disarm it */
    lua_sethook(wd->hooked, NULL, 0, 0);
    wd->hooked = NULL;
  }
  wd->watched = co;
  wd->seq++;
  pthread_mutex_unlock(&wd->mu);
  return prev;
}

void lx_wd_leave(lx_wd *wd, lua_State *co, lua_State *prev) {
  if (!wd) return;
  pthread_mutex_lock(&wd->mu);
  if (co && wd->hooked == co) {
    lua_sethook(co, NULL, 0, 0);
    wd->hooked = NULL;
  }
  wd->watched = prev;
  wd->seq++;
  pthread_mutex_unlock(&wd->mu);
}

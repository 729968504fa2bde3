/* lx_watchdog.c -- runaway steps are caught without taxing every step: a count hook makes
 * Lua call back on every VM instruction, so it is armed only when a watchdog thread sees one
 * step (or top-level chunk, or callback) still running after WD_TICKS * WD_TICK_MS. From then
 * on the step has opt.step_budget instructions left before it is stopped.
 *
 * enter/leave run twice per task step, so they take no lock: the loop thread publishes the
 * running thread after bumping `seq`; the watchdog arms a hook only while `busy`, after
 * checking that `seq` has not moved. Both sides store, then load the other's flag, sequentially
 * consistent (Dekker): either the loop sees `busy` and waits for the arming to finish, or
 * the watchdog sees the new `seq` and leaves the thread alone. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "lx_int.h"

#define WD_TICK_MS 20
#define WD_TICKS 10

struct lx_wd {
  pthread_t thread;
  pthread_mutex_t mu; /* held by the watchdog while it arms; the loop takes it to wait */
  pthread_cond_t cv;
  int stop, started;
  _Atomic(lua_State *) watched; /* the thread running Lua now, NULL while the loop waits */
  _Atomic(lua_State *) hooked;  /* the thread we armed the hook on */
  atomic_uint_fast64_t seq;     /* moves at every enter/leave */
  atomic_int busy;              /* the watchdog is between its seq check and arming */
  uint64_t seen;                /* watchdog thread only */
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
    atomic_store(&wd->busy, 1);
    /* watched before seq: the loop bumps seq before it stores watched, so a watched that is
     * newer than s shows up as a moved seq, never as a long-running step */
    lua_State *w = atomic_load_explicit(&wd->watched, memory_order_acquire);
    uint64_t s = atomic_load(&wd->seq);
    if (!w || s != wd->seen) {
      wd->seen = s;
      wd->ticks = 0;
    } else if (++wd->ticks >= WD_TICKS && !atomic_load_explicit(&wd->hooked, memory_order_relaxed)) {
      /* lua_sethook may be called asynchronously: it is how lua.c stops a script on ^C */
      lua_sethook(w, wd->hook, LUA_MASKCOUNT, wd->count);
      atomic_store_explicit(&wd->hooked, w, memory_order_relaxed);
    }
    atomic_store(&wd->busy, 0);
  }
  pthread_mutex_unlock(&wd->mu);
  return NULL;
}

lx_wd *lx_wd_new(lua_Hook hook, long budget) {
  lx_wd *wd = calloc(1, sizeof *wd);
  if (!wd) return NULL;
  wd->hook = hook;
  wd->count = (int)(budget > 2000000000 ? 2000000000 : budget < 1 ? 1 : budget);
  atomic_init(&wd->watched, NULL);
  atomic_init(&wd->hooked, NULL);
  atomic_init(&wd->seq, 0);
  atomic_init(&wd->busy, 0);
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

/* Publishes `co` as the running thread; returns the hooked thread once no arming is under way. */
static lua_State *publish(lx_wd *wd, lua_State *co) {
  atomic_fetch_add(&wd->seq, 1); /* seq_cst: ordered before the load of busy below */
  atomic_store_explicit(&wd->watched, co, memory_order_release);
  if (atomic_load(&wd->busy)) {  /* rare: wait for the arming to end */
    pthread_mutex_lock(&wd->mu);
    pthread_mutex_unlock(&wd->mu);
  }
  return atomic_load_explicit(&wd->hooked, memory_order_acquire);
}

static void disarm(lx_wd *wd, lua_State *h) {
  lua_sethook(h, NULL, 0, 0);
  atomic_store_explicit(&wd->hooked, NULL, memory_order_relaxed);
}

lua_State *lx_wd_enter(lx_wd *wd, lua_State *co) {
  if (!wd) return NULL;
  lua_State *prev = atomic_load_explicit(&wd->watched, memory_order_relaxed);
  lua_State *h = publish(wd, co);
  if (h && h != co) disarm(wd, h); /* the hooked thread is suspended now */
  return prev;
}

void lx_wd_leave(lx_wd *wd, lua_State *co, lua_State *prev) {
  if (!wd) return;
  lua_State *h = publish(wd, prev);
  if (co && h == co) disarm(wd, co);
}

/* lx_watchdog.c -- runaway steps are caught without taxing every step: a count hook makes
 * Lua call back on every VM instruction, so it is armed only when a watchdog thread sees one
 * step (or top-level chunk, or callback) still running after WD_TICKS * WD_TICK_MS. From then
 * on the step has opt.step_budget instructions left before it is stopped.
 *
 * enter/leave run twice per task step, so they are two plain stores: the loop thread bumps
 * `seq` and publishes the running thread. The watchdog never touches a Lua state itself: it
 * signals the loop thread, and the handler -- on that thread, so it sees exactly what the
 * loop last stored -- arms the hook if `seq` is still the one the watchdog saw (lua.c arms
 * its ^C hook from a signal handler the same way). A runtime is used by one thread, the one
 * that made it. */
#define _GNU_SOURCE /* pthread_sigqueue */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "lx_int.h"
#include "lx_watchdog.h"

#define WD_TICK_MS 20
#define WD_TICKS 10


/* Runs on the owner thread, between any two of its instructions. */
static void on_signal(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  lx_wd *wd = si->si_value.sival_ptr;
  if (si->si_code != SI_QUEUE || !wd) return;
  int saved = errno;
  lua_State *w = atomic_load_explicit(&wd->watched, memory_order_relaxed);
  if (w && !atomic_load_explicit(&wd->hooked, memory_order_relaxed) &&
      atomic_load_explicit(&wd->seq, memory_order_relaxed) ==
          atomic_load_explicit(&wd->armseq, memory_order_relaxed)) {
    lua_sethook(w, wd->hook, LUA_MASKCOUNT, wd->count);
    atomic_store_explicit(&wd->hooked, w, memory_order_relaxed);
  }
  errno = saved;
}

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
    uint64_t s = atomic_load_explicit(&wd->seq, memory_order_relaxed);
    if (!atomic_load_explicit(&wd->watched, memory_order_relaxed) || s != wd->seen) {
      wd->seen = s;
      wd->ticks = 0;
    } else if (++wd->ticks == WD_TICKS) { /* once per long step */
      atomic_store_explicit(&wd->armseq, s, memory_order_relaxed);
      pthread_sigqueue(wd->owner, wd->sig, (union sigval){.sival_ptr = wd});
    }
  }
  pthread_mutex_unlock(&wd->mu);
  return NULL;
}

/* The handler is process-wide but stateless (the watchdog travels in the signal's value). */
static int install_handler(int sig) {
  struct sigaction old;
  if (sigaction(sig, NULL, &old)) return -1;
  if ((old.sa_flags & SA_SIGINFO) && old.sa_sigaction == on_signal) return 0;
  if (!(old.sa_flags & SA_SIGINFO) && old.sa_handler != SIG_DFL) return -1; /* someone's */
  struct sigaction sa = {0};
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  return sigaction(sig, &sa, NULL);
}

lx_wd *lx_wd_new(lua_Hook hook, long budget) {
  lx_wd *wd = calloc(1, sizeof *wd);
  if (!wd) return NULL;
  wd->hook = hook;
  wd->count = (int)(budget > 2000000000 ? 2000000000 : budget < 1 ? 1 : budget);
  wd->owner = pthread_self();
  wd->sig = SIGRTMIN + 3;
  atomic_init(&wd->watched, NULL);
  atomic_init(&wd->hooked, NULL);
  atomic_init(&wd->seq, 0);
  atomic_init(&wd->armseq, UINT64_MAX);
  pthread_mutex_init(&wd->mu, NULL);
  pthread_cond_init(&wd->cv, NULL);
  if (install_handler(wd->sig) == 0 && pthread_create(&wd->thread, NULL, wd_main, wd) == 0)
    wd->started = 1;
  return wd;
}

void lx_wd_free(lx_wd *wd) {
  if (!wd) return;
  if (wd->started) {
    /* a signal the watchdog sent just before it stopped must not reach a freed wd: hold it
     * back, stop the thread, then take any that is pending */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, wd->sig);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    pthread_mutex_lock(&wd->mu);
    wd->stop = 1;
    pthread_cond_signal(&wd->cv);
    pthread_mutex_unlock(&wd->mu);
    pthread_join(wd->thread, NULL);
    struct timespec zero = {0, 0};
    while (sigtimedwait(&set, NULL, &zero) == wd->sig) {
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
  }
  pthread_mutex_destroy(&wd->mu);
  pthread_cond_destroy(&wd->cv);
  free(wd);
}

/* lx_watchdog.h -- the watchdog's state and its enter/leave, inline: they run twice per task
 * step (see lx_watchdog.c for how the watchdog arms the budget hook). */
#ifndef LX_WATCHDOG_H
#define LX_WATCHDOG_H

#include <lua.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

typedef struct lx_wd lx_wd;

struct lx_wd {
  pthread_t thread, owner; /* owner: the thread that runs the lesson */
  pthread_mutex_t mu;      /* the watchdog's tick wait and `stop` */
  pthread_cond_t cv;
  int stop, started, sig;
  /* written by the owner; read by the watchdog (relaxed) and the handler (same thread) */
  _Atomic(lua_State *) watched; /* the thread running Lua now, NULL while the loop waits */
  atomic_uint_fast64_t seq;     /* moves at every enter/leave */
  _Atomic(lua_State *) hooked;  /* owner and handler only: the thread the hook is armed on */
  atomic_uint_fast64_t armseq;  /* the seq the watchdog saw when it asked for the hook */
  uint64_t seen;                /* watchdog thread only */
  int ticks;
  lua_Hook hook;
  int count;
};

/* seq first: a signal landing between the two stores sees a moved seq and arms nothing. */
static inline void lx_wd_publish_(lx_wd *wd, lua_State *co) {
  uint64_t s = atomic_load_explicit(&wd->seq, memory_order_relaxed);
  atomic_store_explicit(&wd->seq, s + 1, memory_order_relaxed);
  atomic_signal_fence(memory_order_seq_cst);
  atomic_store_explicit(&wd->watched, co, memory_order_relaxed);
  atomic_signal_fence(memory_order_seq_cst);
}

static inline void lx_wd_disarm_(lx_wd *wd, lua_State *h) {
  lua_sethook(h, NULL, 0, 0);
  atomic_store_explicit(&wd->hooked, NULL, memory_order_relaxed);
}

static inline lua_State *lx_wd_enter(lx_wd *wd, lua_State *co) {
  if (!wd) return NULL;
  lua_State *prev = atomic_load_explicit(&wd->watched, memory_order_relaxed);
  lx_wd_publish_(wd, co);
  lua_State *h = atomic_load_explicit(&wd->hooked, memory_order_relaxed);
  if (h && h != co) lx_wd_disarm_(wd, h); /* the hooked thread is suspended now */
  return prev;
}

static inline void lx_wd_leave(lx_wd *wd, lua_State *co, lua_State *prev) {
  if (!wd) return;
  lx_wd_publish_(wd, prev);
  if (co && atomic_load_explicit(&wd->hooked, memory_order_relaxed) == co) lx_wd_disarm_(wd, co);
}

#endif

/* loop_int.h -- the loop's insides, shared by loop.c, timer.c, future.c and task.c only. */
#ifndef LS_LOOP_INT_H
#define LS_LOOP_INT_H

#include "loop.h"

/* A ready-queue entry: a task step, a task wake-up or a plain callback. */
typedef struct handle {
  loop_cb cb;
  void *ud;
  uint64_t arg;
  int64_t label;
  uint8_t kind; /* ls_handle_kind */
  ls_id task;
  ls_id obj;
} handle;

/* A done callback waiting on a future; kept in a pool, linked per future. */
typedef struct fcb {
  loop_cb cb; /* NULL: wake task `task` */
  void *ud;
  uint64_t arg;
  int64_t label;
  ls_id task;
  uint32_t next;
} fcb;

typedef struct fut {
  uint8_t state, kind, retrieved;
  uint32_t cb_head, cb_tail; /* fcb indices, 0 = none */
  uint32_t task;             /* index into tasks + 1, 0 if not a task */
  ls_id timer;               /* a sleep future's timer */
} fut;

typedef struct task {
  ls_id id;
  void *ud;
  int64_t name;
  ls_id waiter; /* future it waits on */
  int32_t line;
  uint8_t started, done, must_cancel;
  uint32_t prev, next; /* alive list, task indices + 1 */
} task;

typedef struct timer {
  ls_time when;
  loop_cb cb; /* NULL: resolve sleep future `fut` */
  void *ud;
  uint64_t arg;
  int64_t label;
  ls_id fut;
  uint32_t heap; /* position in the heap + 1, 0 when not armed */
  uint8_t done;  /* fired or cancelled; a due timer cancelled in the ready queue is skipped */
} timer;

struct ls_loop {
  ls_loop_config cfg;
  ls_time t0; /* clock time when the loop was made */
  ls_time debug;
  uint64_t handles_run; /* for cfg.max_handles */
  int stopping, failed, closed, ended;

  handle *ready; /* ring buffer, capacity a power of two */
  size_t rhead, rcount, rcap;

  fut *futs; /* index = id; slot 0 unused */
  size_t nfuts, capfuts;
  fcb *fcbs; /* slot 0 unused */
  size_t nfcbs, capfcbs;
  uint32_t fcb_free;

  task *tasks;
  size_t ntasks, captasks;
  uint32_t alive_head, alive_tail;
  size_t nalive;
  ls_id current;

  timer *timers; /* index = id; slot 0 unused */
  size_t ntimers, captimers;
  uint32_t *heap; /* timer ids, ordered by (when, id) */
  size_t nheap, capheap;
};

/* Inline, as the three records and one queue push of every task step are the engine's
 * hottest path. */
static inline ls_trace_rec *loop_rec_p(ls_loop *l, ls_event_kind kind, int sub, ls_id task,
                                       ls_id obj, int32_t line, int64_t arg) {
  ls_trace_rec *r =
      trace_put(l->cfg.trace, clock_now(l->cfg.clock) - l->t0, kind, sub, task, obj, line, arg);
  if (!r) l->failed = 1;
  return r;
}

static inline void loop_rec(ls_loop *l, ls_event_kind kind, int sub, ls_id task, ls_id obj,
                            int32_t line, int64_t arg) {
  loop_rec_p(l, kind, sub, task, obj, line, arg);
}

int loop_grow_ready(ls_loop *l); /* doubles the ring; 0 or LS_ENOMEM */

/* Joins the ready queue without a SCHED record (a folded yield step holds it). */
static inline int loop_push_quiet(ls_loop *l, const handle *h) {
  if (l->rcount == l->rcap && loop_grow_ready(l)) return LS_ENOMEM;
  l->ready[(l->rhead + l->rcount) & (l->rcap - 1)] = *h;
  l->rcount++;
  return LS_OK;
}

static inline int loop_push(ls_loop *l, const handle *h) {
  if (loop_push_quiet(l, h)) return LS_ENOMEM;
  loop_rec(l, LS_EV_SCHED, h->kind, h->task, h->obj, 0, h->kind == LS_H_CALLBACK ? h->label : 0);
  return LS_OK;
}

/* timer.c */
ls_id timer_arm(ls_loop *l, ls_time when, loop_cb cb, void *ud, uint64_t arg, int64_t label,
                ls_id fut, int32_t line);
ls_id timer_peek(const ls_loop *l); /* the earliest armed timer, 0 if none */
void timer_pop(ls_loop *l);

/* task.c */
void task_run_step(ls_loop *l, ls_id t, ls_resume how);
void task_wakeup(ls_loop *l, ls_id t, ls_id f);
void task_step_end(ls_loop *l, ls_id t, const ls_step_out *out);

static inline task *task_get(const ls_loop *l, ls_id t) {
  if (t == 0 || t > l->nfuts || !l->futs[t].task) return NULL;
  return &l->tasks[l->futs[t].task - 1];
}

/* One step of task t, as Task.__step does it. Inline into run_once: the host's step
 * resumes a Lua thread whose yield is a longjmp, after which every return mispredicts
 * (the CPU's return-address stack still holds the coroutine's calls), so each call layer
 * between the loop and lua_resume cost ~10 ns a step. */
static inline __attribute__((always_inline)) void task_step(ls_loop *l, ls_id t, ls_resume how) {
  task *k = task_get(l, t);
  if (!k || k->done) return;
  if (k->must_cancel) {
    how = LS_RESUME_CANCEL;
    k->must_cancel = 0;
  } else if (!k->started) {
    how = LS_RESUME_START;
  }
  k->started = 1;
  k->waiter = 0;
  l->current = t;
  ls_trace_rec *sr = loop_rec_p(l, LS_EV_STEP, how, t, 0, k->line, 0);
  ls_step_out out = {LS_STEP_ERROR, 0, 0, k->line, 0};
  l->cfg.step(l, t, k->ud, how, &out);
  k = task_get(l, t); /* the step may have made tasks and moved the array */
  k->line = out.line;
  if (out.kind == LS_STEP_YIELD) { /* asyncio.sleep(0): straight back into the queue */
    handle h = {.kind = LS_H_STEP, .task = t};
    if (trace_fold_yield(l->cfg.trace, sr, clock_now(l->cfg.clock) - l->t0, out.line)) {
      if (loop_push_quiet(l, &h)) loop_fail(l);
    } else {
      loop_rec(l, LS_EV_SUSPEND, LS_WAIT_READY, t, 0, out.line, 0);
      if (loop_push(l, &h)) loop_fail(l);
    }
  } else {
    task_step_end(l, t, &out);
  }
  l->current = 0; /* what the step caused (timers, futures) is still recorded as its own */
}

/* Task t's awaited future f is done: step it, inline into run_once as task_step is. */
static inline __attribute__((always_inline)) void task_wake(ls_loop *l, ls_id t, ls_id f) {
  task *k = task_get(l, t);
  if (!k || k->done) return;
  /* A sleep cut short by cancellation disarms its timer, as asyncio.sleep's finally does. */
  int cancelled = l->futs[f].state == LS_FUT_CANCELLED;
  if (cancelled && l->futs[f].kind == LS_FK_SLEEP) loop_timer_cancel(l, l->futs[f].timer);
  /* As Task.__wakeup: a cancelled future raises CancelledError at the await. */
  task_step(l, t, cancelled ? LS_RESUME_CANCEL : LS_RESUME_WAKE);
}

#endif

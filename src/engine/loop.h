/* loop.h -- the event loop: a FIFO ready queue, a timer heap, futures, tasks and a clock.
 *
 * The engine knows nothing of the language that runs on it. A task is "resume it once;
 * it tells you what it waits on next": the host supplies that step function. Values
 * (results, errors) stay with the host; the engine keeps only states and ids. Everything
 * the loop does is appended to the ls_trace passed in. No globals: loops are independent. */
#ifndef LS_LOOP_H
#define LS_LOOP_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "ls.h"
#include "trace.h"

typedef struct ls_loop ls_loop;
/* A callback; `fut` is the future whose completion scheduled it (0 for call_soon/timers). */
typedef void (*loop_cb)(ls_loop *l, void *ud, uint64_t arg, ls_id fut);

/* How a task's step is entered. */
typedef enum {
  LS_RESUME_START = 0, /* first step */
  LS_RESUME_WAKE,      /* after a yield, or the awaited future is done (the host reads it) */
  LS_RESUME_CANCEL,    /* raise CancelledError at the suspension point: the task was
                          cancelled, or the future it awaited was */
} ls_resume;

/* What a step reports back. */
typedef enum {
  LS_STEP_YIELD = 0, /* a bare yield: run again on the next iteration */
  LS_STEP_SLEEP,     /* wait `delay` of clock time */
  LS_STEP_AWAIT,     /* wait for future `obj` */
  LS_STEP_RESULT,    /* the coroutine returned (the host keeps the value) */
  LS_STEP_ERROR,     /* the coroutine raised */
  LS_STEP_CANCELLED, /* the coroutine ended by CancelledError */
} ls_step_kind;

typedef struct ls_step_out {
  ls_step_kind kind;
  ls_id obj;     /* AWAIT: the future */
  ls_time delay; /* SLEEP: how long */
  int32_t line;  /* source line where the task stopped */
  int64_t text;  /* RESULT/ERROR: a trace string describing it (0 for none) */
} ls_step_out;

typedef void (*loop_step_fn)(ls_loop *l, ls_id task, void *task_ud, ls_resume how,
                             ls_step_out *out);
/* Called after a handle that took longer than the debug threshold (debug mode). */
typedef void (*loop_slow_fn)(ls_loop *l, void *host, ls_id task, ls_time took);
/* Called when the loop has nothing ready and no timer (deadline -1): host work still out
 * there (a file read on a worker thread) may post completions. Returns 1 if something may
 * still come. On the real clock it is also where the loop waits for the next timer (deadline:
 * its loop time; return early when I/O finished) and, with handles ready, where it looks for
 * finished I/O without waiting (deadline: now). */
typedef int (*loop_idle_fn)(ls_loop *l, void *host, ls_time deadline);
/* Cancels a host-kind future (LS_FK_GATHER, LS_FK_OTHER): 1 if cancelled, as Future.cancel. */
typedef int (*loop_cancel_fn)(ls_loop *l, void *host, ls_id fut);

typedef struct ls_loop_config {
  ls_clock *clock;     /* required; shared, not owned */
  ls_trace *trace;     /* required; not owned */
  loop_step_fn step;   /* required */
  void *host;          /* passed back to the hooks */
  loop_slow_fn slow;   /* optional */
  loop_idle_fn idle;   /* optional */
  loop_cancel_fn cancel; /* optional: without it such futures are cancelled directly */
  int64_t name;        /* trace string id for LOOP_START */
  ls_time max_time;    /* stop with LS_ETIMELIMIT past this much loop time (0: none) */
  uint64_t max_handles; /* stop with LS_ESTEPLIMIT after this many handles (0: none) */
} ls_loop_config;

typedef enum {
  LS_RUN_DEFAULT = 0, /* until stopped, or nothing is left to do */
  LS_RUN_ONCE,        /* one iteration, waiting for the next timer if needed */
  LS_RUN_NOWAIT,      /* one iteration, no waiting */
} ls_run_mode;

ls_loop *loop_new(const ls_loop_config *cfg); /* NULL when out of memory */
void loop_free(ls_loop *l);                   /* NULL is fine */
void *loop_host(const ls_loop *l);
ls_trace *loop_trace(const ls_loop *l);

/* Time since the loop started, on its clock. */
ls_time loop_time(const ls_loop *l);
/* Debug mode: handles taking `threshold` or longer are reported through cfg.slow (0: off). */
void loop_set_debug(ls_loop *l, ls_time threshold);
ls_time loop_debug(const ls_loop *l);

int loop_call_soon(ls_loop *l, loop_cb cb, void *ud, uint64_t arg, int64_t label);
/* Returns a timer id, or 0 when out of memory. */
ls_id loop_call_later(ls_loop *l, ls_time delay, loop_cb cb, void *ud, uint64_t arg,
                      int64_t label, int32_t line);
/* 1 if the timer had not fired (even if already due: it is then skipped), else 0. */
int loop_timer_cancel(ls_loop *l, ls_id timer);

/* Runs iterations; returns 0 when stopped or out of work (DEFAULT), after one iteration
 * (ONCE, NOWAIT), or a negative LS_E* code: LS_EHOST (the host called loop_fail), a limit,
 * LS_ECLOSED. */
int loop_run(ls_loop *l, ls_run_mode mode);
/* Runs until future f is done, as run_until_complete: the iteration that sees it done
 * finishes first. */
int loop_run_until_done(ls_loop *l, ls_id f);
/* Runs iterations while the next event is at or before t (for stepping a window). */
int loop_run_until_time(ls_loop *l, ls_time t);
void loop_stop(ls_loop *l);
void loop_fail(ls_loop *l); /* the host hit a fatal error: stop and report LS_EHOST */
void loop_close(ls_loop *l);
int loop_closed(const ls_loop *l);
void loop_end_trace(ls_loop *l, int status); /* appends LOOP_END once */

size_t loop_ready_count(const ls_loop *l);
size_t loop_timer_count(const ls_loop *l);
/* The next timer's deadline (loop time), or -1 when none is armed. */
ls_time loop_next_timer(const ls_loop *l);

/* A blocking call held the loop for `d` (time.sleep): the clock moves, the trace says so. */
void loop_block(ls_loop *l, ls_time d, int32_t line);
/* Appends a record on behalf of the host, stamped with the time and the current task. */
void loop_note(ls_loop *l, ls_event_kind kind, int sub, ls_id obj, int32_t line, int64_t arg);

/* ---- futures (a task is a future too; ids are never reused within a loop) ---- */
typedef enum { LS_FUT_PENDING = 0, LS_FUT_RESULT, LS_FUT_ERROR, LS_FUT_CANCELLED } ls_fut_state;
typedef enum {
  LS_FK_FUTURE = 0, /* asyncio.Future() */
  LS_FK_TASK,
  LS_FK_SLEEP,  /* made by the loop for a sleep */
  LS_FK_GATHER, /* a gathering future */
  LS_FK_OTHER,  /* host-made helpers (wait_for, queues, ...) */
} ls_fut_kind;

ls_id fut_new(ls_loop *l, ls_fut_kind kind); /* 0 when out of memory */
int fut_valid(const ls_loop *l, ls_id f);
int fut_state(const ls_loop *l, ls_id f); /* ls_fut_state, or LS_ENOENT */
int fut_kind(const ls_loop *l, ls_id f);
/* Marks f done with an outcome (LS_OUT_*) and schedules its callbacks in order;
 * LS_ESTATE when f is already done. */
int fut_resolve(ls_loop *l, ls_id f, ls_outcome how, int64_t text);
/* Cancels f: 1 if it was pending (for a task: cancellation requested), else 0. */
int fut_cancel(ls_loop *l, ls_id f);
/* Adds a done callback; on a done future it is scheduled at once with call_soon. */
int fut_add_callback(ls_loop *l, ls_id f, loop_cb cb, void *ud, uint64_t arg, int64_t label);
/* Removes every callback equal to (cb, ud, arg); returns how many. */
int fut_remove_callback(ls_loop *l, ls_id f, loop_cb cb, void *ud, uint64_t arg);
void fut_set_retrieved(ls_loop *l, ls_id f);
int fut_retrieved(const ls_loop *l, ls_id f);
size_t fut_count(const ls_loop *l); /* ids run from 1 to fut_count */

/* ---- tasks ---- */
/* Makes a task driving `ud` through cfg.step and schedules its first step. */
ls_id task_new(ls_loop *l, void *ud, int64_t name, int32_t line);
int task_is(const ls_loop *l, ls_id t);
int task_cancel(ls_loop *l, ls_id t); /* 1 if a cancellation was requested */
int task_cancelling(const ls_loop *l, ls_id t);
void *task_ud(const ls_loop *l, ls_id t);
void task_set_ud(ls_loop *l, ls_id t, void *ud); /* e.g. a host that makes stacks lazily */
int64_t task_name(const ls_loop *l, ls_id t);
void task_set_name(ls_loop *l, ls_id t, int64_t name);
ls_id task_waiting_on(const ls_loop *l, ls_id t); /* 0 when not waiting */
int task_started(const ls_loop *l, ls_id t);
int32_t task_line(const ls_loop *l, ls_id t);
ls_id loop_current_task(const ls_loop *l);
/* Tasks not yet done, in creation order: first, then next until 0. */
ls_id task_first_alive(const ls_loop *l);
ls_id task_next_alive(const ls_loop *l, ls_id t);
size_t task_alive_count(const ls_loop *l);

#endif

/* view_state.h -- what the loop looked like at any point of a recorded run: time travel made
 * cheap. Each run's trace is read once into per-object histories (a task's phases, each queue
 * entry's push and pop, each timer's arm and end), so the state after any record is a handful
 * of binary searches, going forward or back, and never a replay from the start. */
#ifndef LS_VIEW_STATE_H
#define LS_VIEW_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ls.h"
#include "trace.h"
#include "view_i18n.h"

/* A task's state, as the cards show it. */
typedef enum {
  VIEW_TS_PENDING = 0, /* made, never run yet */
  VIEW_TS_READY,       /* in the ready queue again: yielded, or woken by what it awaited */
  VIEW_TS_RUNNING,
  VIEW_TS_WAITING,
  VIEW_TS_DONE,
  VIEW_TS_FAILED,
  VIEW_TS_CANCELLED,
  VIEW_TS__COUNT
} view_task_state;

typedef struct view_st_task {
  ls_id id, parent; /* parent: the task that made it, 0 for the loop */
  const char *name; /* from the trace's pool; never NULL */
  uint8_t state;    /* view_task_state */
  uint8_t wait;     /* ls_wait_kind of its last suspension (WAITING and READY) */
  bool cancelling;  /* asked to cancel, not yet told */
  bool blocked;     /* running and holding the whole loop in a blocking call */
  ls_id wait_obj;   /* the future or task awaited */
  ls_time until;    /* a sleep's wake-up time, or the end of the blocking call */
  int32_t line;     /* suspended on (or running, or defined at while pending) */
  int32_t def_line; /* where its function was defined (TASK_NEW.line) */
  const char *text; /* a finished task's result or error; "" for none */
} view_st_task;

typedef struct view_st_item { /* one ready-queue entry */
  uint8_t kind;               /* ls_handle_kind */
  ls_id task, obj;
  const char *label; /* a callback's label; "" for none */
} view_st_item;

typedef struct view_st_future {
  ls_id id, creator;
  uint8_t kind;     /* ls_fut_kind */
  uint8_t outcome;  /* 0 while pending, else ls_outcome */
  const char *text; /* result or error text; "" for none */
  size_t nwaiters;  /* tasks waiting on it now */
  ls_id waiter[4];  /* the first of them */
} view_st_future;

typedef struct view_st_timer { /* armed, not yet fired or cancelled */
  ls_id id, task;              /* task: the sleeper, 0 for a call_later */
  ls_time when;
  int32_t line;
} view_st_timer;

typedef struct view_st_line { /* a console line: PRINT or WARN */
  ls_time t;
  ls_id task;
  bool warn;
  uint8_t level; /* WARN.sub */
  int32_t line;
  const char *text;
} view_st_line;

/* The state of one run after its first `at` records, at clock time t. The arrays belong to the
   snapshot and are reused by the next view_state_at on it; free with view_snap_free. */
typedef struct view_snap {
  size_t run, at, count; /* count: the run's records */
  ls_time t;
  const ls_trace_rec *last; /* the record applied last; NULL at 0 */
  ls_id running;            /* the task in a step, 0 when none */
  int32_t running_line;     /* the line it has reached, 0 when none */
  int32_t focus_line;       /* where the latest thing happened: view_state_focus */
  bool blocked;             /* the loop is held by a blocking call */
  ls_time blocked_until;
  bool ended;          /* LOOP_END applied */
  int status;          /* its outcome: 0, or a positive LS_E* magnitude */
  view_st_task *tasks; /* in the order they were made */
  size_t ntasks;
  view_st_item *queue; /* front first */
  size_t nqueue;
  view_st_future *futures; /* in the order they were made; sleeps' and tasks' not included */
  size_t nfutures;
  view_st_timer *timers; /* by deadline, then id */
  size_t ntimers;
  size_t nconsole; /* console lines so far: view_state_console(vs, run, i) */
  size_t cap_tasks, cap_queue, cap_futures, cap_timers;
} view_snap;

typedef struct view_state view_state;

view_state *view_state_new(void); /* NULL when out of memory */
void view_state_free(view_state *vs);
/* Reads a whole run (name NULL: the LOOP_START name). tr must outlive vs. Returns the run's
   index, or LS_ENOMEM. */
int view_state_add_run(view_state *vs, const char *name, const ls_trace *tr);
size_t view_state_run_count(const view_state *vs);
const char *view_state_run_name(const view_state *vs, size_t run);
size_t view_state_records(const view_state *vs, size_t run);
const ls_trace *view_state_trace(const view_state *vs, size_t run);
/* The run's last record's time, and the latest over every run. */
ls_time view_state_run_end(const view_state *vs, size_t run);
ls_time view_state_end(const view_state *vs);
/* How many records of the run happened at or before t. */
size_t view_state_count_at(const view_state *vs, size_t run, ls_time t);
/* Clock time after `at` records: the last one's time (0 at 0). */
ls_time view_state_time_of(const view_state *vs, size_t run, size_t at);
/* How many records share record i's clock time (for pacing a burst of zero-time steps). */
size_t view_state_burst(const view_state *vs, size_t run, size_t i);

/* Fills s with the run's state after `at` records (clamped) at clock time t (raised to the
   last record's time). 0 or LS_ENOMEM. */
int view_state_at(const view_state *vs, size_t run, size_t at, ls_time t, view_snap *s);
void view_snap_free(view_snap *s);
/* A task of the snapshot by id; NULL when it does not exist yet. */
const view_st_task *view_snap_task(const view_snap *s, ls_id id);
size_t view_state_console_count(const view_state *vs, size_t run); /* the whole run's */
view_st_line view_state_console(const view_state *vs, size_t run, size_t i);
/* The line where the latest thing happened after `at` records: the last record's line, else
   the running task's, else the one before (0 until any record has a line). */
int32_t view_state_focus(const view_state *vs, size_t run, size_t at);
/* A task's name by id at any point ("Task-3"), for labels: "" when unknown. */
const char *view_state_task_name(const view_state *vs, size_t run, ls_id id);
/* The gather task id is a child of once `at` records are applied, 0 when none. */
ls_id view_state_gather_of(const view_state *vs, size_t run, ls_id id, size_t at);

/* ---- Words for it --------------------------------------------------------------------------
 */

const char *view_task_state_name(view_task_state st, view_lang lang);
/* What a task waits on: "sleep until 3 s", "Future #2", "Task-3", "gather #2", "yield". */
void view_snap_wait_text(const view_snap *s, const view_st_task *k, view_lang lang, char *buf,
                         size_t cap);
/* One line about record i of the run, for "what just happened": "Task-2 waits: sleep until
   2 s". */
void view_state_describe(const view_state *vs, size_t run, size_t i, view_lang lang, char *buf,
                         size_t cap);

/* ---- Playback over clock time ------------------------------------------------------------
 */

/* Where playback is: the focused run's records applied and the clock time shown. Records at
   one clock time (zero-time steps) are shown one by one, each for a short dwell, so a burst
   at t = 0 is watched rather than skipped; the clock itself moves at `speed`. */
#define VIEW_PLAY_RUNS 8

typedef struct view_play {
  size_t run; /* the run whose panels are shown */
  size_t at;  /* its records applied */
  ls_time t;  /* the playhead */
  bool playing;
  double speed; /* clock seconds per wall second, 0.25 .. 16 */
  double owed;  /* wall seconds carried toward the next zero-time record */
  /* Where each run was when focus left it, so coming back at the same time restores it. */
  size_t left_at[VIEW_PLAY_RUNS];
  ls_time left_t[VIEW_PLAY_RUNS];
} view_play;

#define VIEW_PLAY_DWELL 0.2     /* wall seconds per record at 1x */
#define VIEW_PLAY_BURST_MAX 2.5 /* wall seconds a whole burst may take at 1x */
#define VIEW_PLAY_SPEED_MIN 0.25
#define VIEW_PLAY_SPEED_MAX 16.0

void view_play_init(view_play *p);
/* Moves by wall seconds; true when anything changed. Stops (playing = false) at the end. */
bool view_play_advance(const view_state *vs, view_play *p, double wall);
/* One record forward (+1) or back (-1); true when it moved. */
bool view_play_step(const view_state *vs, view_play *p, int dir);
void view_play_seek(const view_state *vs, view_play *p, ls_time t); /* every record up to t */
void view_play_home(view_play *p);
void view_play_end(const view_state *vs, view_play *p);
/* Shows another run at the same time: where it was left if the time has not moved since,
   else every record of it up to the time. */
void view_play_focus(const view_state *vs, view_play *p, size_t run);
/* Doubles (dir > 0) or halves the speed within its bounds. */
void view_play_speed(view_play *p, int dir);
bool view_play_at_end(const view_state *vs, const view_play *p);

#endif

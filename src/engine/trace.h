/* trace.h -- the record of everything a loop did: fixed-size records and a string pool. */
#ifndef LS_TRACE_H
#define LS_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "ls.h"

/* One X-macro list: the event kinds, their names (for dumps and exports). */
#define LS_EVENT_KINDS(X)                                                                      \
  X(LOOP_START, "loop_start")   /* arg: string id of the run's name */                       \
  X(LOOP_END, "loop_end")       /* sub: outcome (0 ok, else -LS_E*) */                        \
  X(TASK_NEW, "task_new")       /* task, obj: creating task, line, arg: name */              \
  X(TASK_RENAME, "task_rename") /* task, arg: new name */                                    \
  X(SCHED, "sched")             /* a handle joined the ready queue; sub: handle kind */      \
  X(RUN, "run")                 /* a non-task handle left the queue and ran; sub, arg */     \
  X(STEP, "step")               /* a task step began; sub: ls_resume (2: told to cancel) */  \
  X(SUSPEND, "suspend")         /* step ended waiting; sub: wait kind, obj, arg: until */    \
  X(TASK_DONE, "task_done")     /* step ended the task; sub: outcome, arg: text */           \
  X(FUT_NEW, "fut_new")         /* obj: future, sub: future kind, task: creator */           \
  X(FUT_DONE, "fut_done")       /* obj: future, sub: outcome, arg: text */                   \
  X(TIMER_ARM, "timer_arm")     /* obj: timer id, arg: deadline, line */                     \
  X(TIMER_FIRE, "timer_fire")   /* obj: timer id */                                          \
  X(TIMER_CANCEL, "timer_cancel") /* obj: timer id */                                        \
  X(BLOCK, "block")             /* the loop was held by a blocking call; arg: end time */    \
  X(PRINT, "print")             /* task printed arg (string id) */                           \
  X(WARN, "warn")               /* a warning or log line, arg: text; sub: level */           \
  X(CANCEL_REQ, "cancel")       /* obj: task asked to cancel, task: who asked */             \
  X(NOTE, "note")               /* free text from the host, arg: text */                     \
  X(GATHER_CHILD, "gather_child") /* obj: a gathering future, arg: one of its children */

typedef enum {
#define LS_EV_ENUM(name, str) LS_EV_##name,
  LS_EVENT_KINDS(LS_EV_ENUM)
#undef LS_EV_ENUM
      LS_EV__COUNT
} ls_event_kind;

/* What a suspended task waits on (SUSPEND.sub). */
typedef enum {
  LS_WAIT_READY = 0, /* a bare yield: asyncio.sleep(0) */
  LS_WAIT_SLEEP,     /* a timer: arg holds the wake-up time, obj the sleep future */
  LS_WAIT_FUTURE,    /* obj holds the future */
  LS_WAIT_TASK,      /* obj holds the task (a task is a future) */
  LS_WAIT_GATHER,    /* obj holds the gathering future */
} ls_wait_kind;

/* How a task or future ended (TASK_DONE.sub, FUT_DONE.sub). */
typedef enum { LS_OUT_RESULT = 1, LS_OUT_ERROR, LS_OUT_CANCELLED } ls_outcome;

/* What kind of handle sits in the ready queue (SCHED.sub, RUN.sub). */
typedef enum {
  LS_H_STEP = 0, /* a task's step (task holds it) */
  LS_H_WAKEUP,   /* a task woken by the future it awaited (task, obj: future) */
  LS_H_CALLBACK, /* a plain callback (call_soon, a done callback); arg: label */
  LS_H_TIMER,    /* a timer's callback moved to the queue (obj: timer id) */
} ls_handle_kind;

/* One record: 32 bytes, fixed size, so a million of them are cheap to keep and scan. */
typedef struct ls_trace_rec {
  ls_time t;     /* clock time since the loop started, ns */
  uint8_t kind;  /* ls_event_kind */
  uint8_t sub;   /* kind-specific detail */
  uint16_t pad;  /* zero; keeps records byte-comparable */
  ls_id task;    /* the task this is about (0: the loop itself) */
  ls_id obj;     /* the other party: a future, timer or task */
  int32_t line;  /* lesson source line, 0 if none */
  int64_t arg;   /* a time, or a string id (see trace_str) */
} ls_trace_rec;

typedef struct ls_trace ls_trace;

ls_trace *trace_new(void); /* NULL when out of memory */
/* A trace that outgrows its first chunk starts a helper thread of its own that prepares the
 * next chunks; trace_free ends it. Use a trace from one thread. */
void trace_free(ls_trace *tr);

/* The write cursor. It is the first member of every ls_trace, so that appending -- three
 * times per task step -- is inline. Readers use trace_count and trace_get, not this. */
typedef struct ls_trace_wp {
  ls_trace_rec *next, *end; /* free slots left in the current chunk */
  size_t folded;            /* folded yield steps stored so far (see trace_fold_yield) */
  ls_trace_rec *seen;       /* `next` when a reader last counted: what it saw stays as is */
  int nofold;               /* store every record as it is (tests compare both ways) */
} ls_trace_wp;

/* A stored record of this kind is three records folded into one; readers never see it. */
#define LS_TRACE_FOLDED 255

int trace_add_slow(ls_trace *tr, const ls_trace_rec *r);

/* Appends a record; returns 0 or LS_ENOMEM (the record is then dropped). */
static inline int trace_add(ls_trace *tr, const ls_trace_rec *r) {
  ls_trace_wp *w = (ls_trace_wp *)(void *)tr;
  if (w->next == w->end) return trace_add_slow(tr, r);
  *w->next++ = *r;
  return LS_OK;
}

/* The same from fields, written straight into the slot (a record built on the stack and
 * copied is read back with wide loads across narrow stores: a store-forwarding stall).
 * Returns the stored record, or NULL when out of memory (the record is then dropped). */
static inline ls_trace_rec *trace_put(ls_trace *tr, ls_time t, int kind, int sub, ls_id task,
                                      ls_id obj, int32_t line, int64_t arg) {
  ls_trace_wp *w = (ls_trace_wp *)(void *)tr;
  if (w->next == w->end) {
    ls_trace_rec r = {t, (uint8_t)kind, (uint8_t)sub, 0, task, obj, line, arg};
    return trace_add_slow(tr, &r) ? NULL : w->next - 1;
  }
  ls_trace_rec *d = w->next++;
  d->t = t;
  d->kind = (uint8_t)kind;
  d->sub = (uint8_t)sub;
  d->pad = 0;
  d->task = task;
  d->obj = obj;
  d->line = line;
  d->arg = arg;
  return d;
}

/* A step that only yielded (asyncio.sleep(0)) leaves three records: STEP, SUSPEND (ready,
 * at its line) and SCHED of its next step. When nothing else was recorded in between, the
 * STEP record -- still the last one -- becomes one folded record holding all three, so a
 * million such steps keep 32 MB, not 96. Readers get the three back from trace_get.
 * Returns 0 when the caller must write SUSPEND and SCHED itself. */
static inline int trace_fold_yield(ls_trace *tr, ls_trace_rec *step, ls_time t_end,
                                   int32_t line_end) {
  ls_trace_wp *w = (ls_trace_wp *)(void *)tr;
  if (!step || w->nofold || w->next != step + 1 || w->seen == step + 1 || step->obj != 0 ||
      step->arg != 0)
    return 0;
  step->kind = LS_TRACE_FOLDED;
  step->obj = (ls_id)line_end;
  step->arg = t_end;
  w->folded++;
  return 1;
}

/* Tests: 0 stores every record as it is, so a trace can be compared with a folded one. */
void trace_set_fold(ls_trace *tr, int on);

/* Copies a string into the pool; returns its id (>= 1) or 0 when out of memory. */
int64_t trace_intern(ls_trace *tr, const char *s, size_t len);

/* Records as they happened: folded ones come back as their three (expanded on first read,
 * into memory the trace keeps; the pointers stay valid until trace_free). */
size_t trace_count(const ls_trace *tr);
const ls_trace_rec *trace_get(const ls_trace *tr, size_t i); /* NULL past the end */
const char *trace_str(const ls_trace *tr, int64_t id);       /* "" for 0 or a bad id */
const char *trace_kind_name(int kind);
size_t trace_bytes(const ls_trace *tr); /* memory held (ready spare chunks too), for benchmarks */
/* FNV-1a over every record and the string pool: equal traces give equal hashes. */
uint64_t trace_hash(const ls_trace *tr);

#endif

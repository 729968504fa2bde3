/* view_links.h -- what points at what on screen: the await arrows between task cards,
 * futures and timer rows, and breakpoints on scheduler events (a task's resume, a future's
 * resolution, a code line reached). The panels record where they drew each object (view_hits);
 * the arrows and the next breakpoint stop are pure functions over the state and the trace. */
#ifndef LS_VIEW_LINKS_H
#define LS_VIEW_LINKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draw.h"
#include "trace.h"

struct view_state;
struct view_snap;

/* ---- Where the panels drew things ----------------------------------------------------------
 */

#define VIEW_HITS_MAX 256

typedef struct view_hit {
  ls_id id;   /* the task, future or timer */
  ls_id task; /* a timer row's sleeper (0 for a call_later) */
  draw_rect r;
} view_hit;

typedef struct view_hits {
  view_hit task[VIEW_HITS_MAX], fut[VIEW_HITS_MAX], timer[VIEW_HITS_MAX];
  size_t ntask, nfut, ntimer;
} view_hits;

void view_hits_clear(view_hits *h);
/* which: 0 task card, 1 future row, 2 timer row. Silently full past VIEW_HITS_MAX. */
void view_hits_add(view_hits *h, int which, ls_id id, ls_id task, draw_rect r);
/* The rectangle an object was drawn in; NULL when it is not on screen. */
const draw_rect *view_hits_task(const view_hits *h, ls_id id);
const draw_rect *view_hits_future(const view_hits *h, ls_id id);
const draw_rect *view_hits_sleep(const view_hits *h, ls_id task); /* the task's timer row */
/* The object under a point (layout units), 0 for none. */
ls_id view_hits_task_at(const view_hits *h, float x, float y);
ls_id view_hits_future_at(const view_hits *h, float x, float y);

/* ---- Await arrows -------------------------------------------------------------------------
 */

typedef enum {
  VIEW_ARROW_TASK = 0, /* a task awaits another task: card -> card */
  VIEW_ARROW_FUTURE,   /* a task awaits a future: card -> future row */
  VIEW_ARROW_SLEEP,    /* a task sleeps: card -> its timer row */
  VIEW_ARROW_GATHER,   /* a task awaits a gather: card -> the gather's row */
  VIEW_ARROW_CHILD,    /* a gather's child fans in: child card -> the gather's row */
} view_arrow_kind;

typedef struct view_arrow {
  draw_rect from, to;
  uint8_t kind; /* view_arrow_kind */
  uint8_t hot;  /* 0, or LS_OUT_ERROR / LS_OUT_CANCELLED travelling along it just now */
  ls_id task;   /* whose colour it is drawn in */
  ls_id a, b;   /* the waiter (or child) and what it awaits */
} view_arrow;

/* How many records back an error or a cancellation still counts as travelling. */
#define VIEW_ARROW_HOT_RECORDS 6

/* The arrows for snapshot s with the rectangles in h: one for each waiting task whose target
   is on screen, one from each on-screen child of a gather, and (hot) the links an error or a
   cancellation travelled along in the last VIEW_ARROW_HOT_RECORDS records, from the task or
   future that ended to whoever it woke. Writes at most cap; returns how many there are. */
size_t view_links_arrows(const struct view_state *vs, const struct view_snap *s,
                         const view_hits *h, view_arrow *out, size_t cap);
/* Draws them (clipped to clip): lines with arrowheads in the task's colour, hot ones thicker
   in the error or cancelled colour, with a dot `pulse` (0, 1] of the way along them showing
   the error travel (0: no dot). T: the base text size. */
void view_links_draw(const draw_ctx *c, float T, draw_rect clip, const view_arrow *a, size_t n,
                     float pulse);

/* ---- Breakpoints --------------------------------------------------------------------------
 */

#define VIEW_BP_MAX 64

typedef enum { VIEW_BP_TASK = 0, VIEW_BP_FUTURE, VIEW_BP_LINE, VIEW_BP__KINDS } view_bp_kind;

typedef struct view_bp {
  int64_t v[VIEW_BP__KINDS][VIEW_BP_MAX]; /* task ids, future ids, source lines */
  size_t n[VIEW_BP__KINDS];
} view_bp;

void view_bp_clear(view_bp *b);
bool view_bp_empty(const view_bp *b);
bool view_bp_has(const view_bp *b, view_bp_kind k, int64_t v);
/* Sets or clears one; returns whether it is set afterwards. */
bool view_bp_toggle(view_bp *b, view_bp_kind k, int64_t v);
/* Whether record e stops playback: a STEP of a task with a breakpoint (it resumes), a
   FUT_DONE of a future with one (it resolves), a STEP or SUSPEND on a line with one. */
bool view_bp_hits(const view_bp *b, const ls_trace_rec *e);
/* Playback going from `from` records applied to `to`: the number of records to apply so that
   the first breakpoint record among records [from, to) is the last one applied; 0 when none
   is hit. */
size_t view_bp_next_stop(const ls_trace *tr, size_t from, size_t to, const view_bp *b);

/* After playback moved p from at_before records of run_before: when a breakpoint was passed
   on the way, puts p back just after it (that record the last one applied, the clock at its
   time) and pauses. True when it stopped. */
struct view_play;
bool view_bp_play(const struct view_state *vs, struct view_play *p, size_t run_before,
                  size_t at_before, const view_bp *b);

/* Draws the breakpoints that are on screen: a red outline on task cards, a red dot on future
   rows and beside code lines (line n at y_of_line0 + (n - first) * line_h, first..first+shown).
 */
void view_bp_draw(const draw_ctx *c, float T, const view_bp *b, const view_hits *h,
                  draw_rect code_body, float line_h, int first, int shown);

#endif

/* view_timeline.h -- the timeline: one row per task over clock time, from traces. */
#ifndef LS_VIEW_TIMELINE_H
#define LS_VIEW_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "ls.h"
#include "trace.h"
#include "view_i18n.h"

#define VIEW_TL_MAX_RUNS 4 /* a compare lesson stacks two */

/* ---- The model ----------------------------------------------------------------------------
 */

typedef enum {
  VIEW_SPAN_RUN = 0, /* a step: STEP to SUSPEND or TASK_DONE */
  VIEW_SPAN_WAIT,    /* SUSPEND to the next STEP */
  VIEW_SPAN_BLOCK,   /* the loop held by a blocking call (time.sleep), inside a step */
  VIEW_SPAN__COUNT
} view_span_kind;

typedef struct view_span {
  ls_time t0, t1; /* t1 < 0: still open (the trace has not got there yet) */
  int64_t arg;    /* WAIT on a sleep: the wake-up time */
  ls_id obj;      /* WAIT: the future or task awaited */
  uint8_t sub;    /* WAIT: ls_wait_kind; RUN: 1 when the step was told to cancel */
} view_span;

typedef struct view_mark {
  ls_time t;
  int64_t text; /* string id in the run's trace */
} view_mark;

typedef struct view_tl_task {
  ls_id id; /* 0: the loop itself (blocking calls and prints outside any task) */
  int32_t line;
  int64_t name;        /* string id in the run's trace; 0: none */
  uint8_t outcome;     /* 0 while alive, else ls_outcome */
  ls_time born, ended; /* ended < 0 while alive */
} view_tl_task;

typedef struct view_timeline view_timeline;

view_timeline *view_timeline_new(void); /* NULL when out of memory */
void view_timeline_free(view_timeline *tl);
/* Adds a run (name may be NULL: then the trace's LOOP_START name) drawn from tr, which must
   outlive the timeline (or the next reset), and reads what tr holds so far. Returns the run's
   index, or LS_EINVAL past VIEW_TL_MAX_RUNS, or LS_ENOMEM. */
int view_timeline_add_run(view_timeline *tl, const char *name, const ls_trace *tr);
/* Reads records added to the runs' traces since the last call (a live run). 0 or LS_ENOMEM. */
int view_timeline_update(view_timeline *tl);
void view_timeline_reset(view_timeline *tl); /* drops every run */

size_t view_timeline_run_count(const view_timeline *tl);
const char *view_timeline_run_name(const view_timeline *tl, size_t run); /* "" when none */
ls_time view_timeline_run_total(const view_timeline *tl, size_t run);    /* LOOP_END.t, or -1 */
ls_time view_timeline_run_now(const view_timeline *tl, size_t run);      /* latest time read */
/* The latest time over every run: where an automatic window ends. */
ls_time view_timeline_end(const view_timeline *tl);
size_t view_timeline_task_count(const view_timeline *tl, size_t run);
const view_tl_task *view_timeline_task(const view_timeline *tl, size_t run, size_t i);
const char *view_timeline_task_name(const view_timeline *tl, size_t run, size_t i);
/* A task's spans of one kind in time order (at most the last may be open), or its prints. */
const view_span *view_timeline_spans(const view_timeline *tl, size_t run, size_t i,
                                     view_span_kind k, size_t *n);
const view_mark *view_timeline_prints(const view_timeline *tl, size_t run, size_t i, size_t *n);

/* ---- Layout -------------------------------------------------------------------------------
 */

typedef struct view_tl_opts {
  const char *title; /* NULL: "Timeline" in lang */
  view_lang lang;
  ls_time from, to; /* the visible window; to <= from: 0 .. view_timeline_end() */
  bool has_playhead;
  ls_time playhead;
  bool cut;          /* draw only what had happened by the playhead (live view, growing GIF) */
  size_t first_task; /* rows scrolled away at the top of each run */
  float text_px;     /* base text size in layout units; 0: from the canvas size */
} view_tl_opts;

typedef enum {
  VIEW_LEGEND_RUNNING,
  VIEW_LEGEND_WAITING,
  VIEW_LEGEND_BLOCKED,
  VIEW_LEGEND_PRINT,
  VIEW_LEGEND_ERROR,
  VIEW_LEGEND_CANCELLED,
  VIEW_LEGEND__COUNT
} view_legend_kind;

typedef struct view_tl_run_layout {
  draw_rect header;            /* the run's name above its rows; h 0 when unnamed */
  draw_rect labels;            /* the task names column beside the rows */
  draw_rect rows;              /* the shown rows, stacked, on the shared time axis */
  draw_rect more;              /* "+N more" under the names; h 0 when nothing is hidden */
  draw_rect total;             /* the run's total time, right of the rows */
  size_t first, shown, hidden; /* tasks [first, first + shown) are drawn */
  float row_h, bar_h;          /* a small run beside a huge one keeps legible rows */
} view_tl_run_layout;

typedef struct view_tl_layout {
  draw_rect canvas, title, axis, legend;
  draw_rect legend_item[VIEW_LEGEND__COUNT];
  view_legend_kind legend_kind[VIEW_LEGEND__COUNT];
  size_t nlegend;
  view_tl_run_layout run[VIEW_TL_MAX_RUNS];
  size_t nruns;
  float plot_x, plot_w; /* the time axis' extent, shared by every run */
  float text_px;
  ls_time from, to, tick; /* the window and the tick step */
} view_tl_layout;

/* Lays the timeline out in area (layout units; ctx is used to measure text). 0, or
   LS_EINVAL when area is too small to hold one row per run. */
int view_timeline_layout(const view_timeline *tl, const draw_ctx *ctx, draw_rect area,
                         const view_tl_opts *o, view_tl_layout *out);
draw_rect view_tl_row(const view_tl_layout *l, size_t run, size_t k); /* k-th shown row */
draw_rect view_tl_row_label(const view_tl_layout *l, size_t run, size_t k);
float view_tl_x(const view_tl_layout *l, ls_time t);
ls_time view_tl_time(const view_tl_layout *l, float x);

/* ---- Drawing ------------------------------------------------------------------------------
 */

typedef struct view_tl_stats {
  size_t segments[VIEW_SPAN__COUNT]; /* rects drawn for spans, after merging */
  size_t merged;                     /* spans folded into a neighbour (under a pixel) */
  size_t culled;                     /* spans outside the window or past the playhead */
  size_t marks;                      /* print markers drawn */
} view_tl_stats;

/* Lays out and draws. 0, or LS_EINVAL (area too small: only the background is drawn). stats and
   layout_out may be NULL. */
int view_timeline_draw(const view_timeline *tl, const draw_ctx *ctx, draw_rect area,
                       const view_tl_opts *o, view_tl_layout *layout_out, view_tl_stats *stats);

/* ---- Pointing at it -----------------------------------------------------------------------
 */

typedef enum { VIEW_HIT_NONE, VIEW_HIT_ROW, VIEW_HIT_SPAN, VIEW_HIT_PRINT } view_hit_kind;

typedef struct view_tl_hit {
  view_hit_kind what;
  size_t run, task;    /* task: index within the run */
  view_span_kind kind; /* VIEW_HIT_SPAN */
  view_span span;      /* VIEW_HIT_SPAN (an open span's t1 is -1) */
  view_mark mark;      /* VIEW_HIT_PRINT */
  ls_time t;           /* the clock time under the point */
} view_tl_hit;

/* What lies under (x, y) in a layout made from tl; false when it is outside every row. */
bool view_timeline_hit(const view_timeline *tl, const view_tl_layout *l, float x, float y,
                       view_tl_hit *out);
/* One line about a hit, for a hover tip: "Task-2: sleep until 2 s, 0.000–2.000 s". */
void view_timeline_describe(const view_timeline *tl, const view_tl_hit *h, view_lang lang,
                            char *buf, size_t cap);

/* Clock time as text: with `decimals` places ("6.00 s"), or, when trim is set, with trailing
   zeros dropped ("0.5 s", "2 s"). */
void view_fmt_time(char *buf, size_t cap, ls_time t, int decimals, bool trim);

#endif

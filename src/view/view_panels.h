/* view_panels.h -- the window's panels, each drawn inside a rectangle from one state snapshot:
 * code, ready queue, task cards, futures, timers, console, explanation. */
#ifndef LS_VIEW_PANELS_H
#define LS_VIEW_PANELS_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "view_i18n.h"
#include "view_links.h"
#include "view_state.h"

/* What every panel is drawn with. */
typedef struct view_pctx {
  const draw_ctx *c;
  float T; /* base text size, layout units */
  view_lang lang;
  const view_state *vs;
  const view_snap *s; /* may be NULL: the panels draw empty */
} view_pctx;

/* A panel's frame: its background, border and title; returns the rectangle inside. */
draw_rect view_panel_frame(const view_pctx *p, draw_rect r, const char *title);

/* ---- Code ------------------------------------------------------------------------------- */

/* A lesson's text split into lines, with the lexer state each line starts in (long strings
   and comments run over lines). */
typedef struct view_code view_code;
view_code *view_code_new(const char *src, size_t len); /* copies src; NULL when out of memory */
void view_code_free(view_code *vc);
int view_code_lines(const view_code *vc);
/* Line n (1-based) without its newline; "" outside. len may be NULL. */
const char *view_code_line(const view_code *vc, int n, size_t *len);

/* Syntax classes, for tests and for the colours. */
typedef enum {
  VIEW_TOK_PLAIN = 0,
  VIEW_TOK_KEYWORD,
  VIEW_TOK_BUILTIN,
  VIEW_TOK_STRING,
  VIEW_TOK_COMMENT,
  VIEW_TOK_NUMBER
} view_tok;
/* The class of each byte of line n into out (at most cap bytes); returns the line's length. */
size_t view_code_classify(const view_code *vc, int n, uint8_t *out, size_t cap);

typedef struct view_code_geom {
  draw_rect body;           /* inside the frame */
  float line_h;             /* one source line */
  float text_x;             /* where the source text starts */
  float marker_x, marker_w; /* the column of task markers */
  int first, shown;         /* lines [first, first + shown) are on screen */
} view_code_geom;

/* How many lines fit in a code panel of rectangle r (after its frame). */
int view_code_fit(const view_pctx *p, draw_rect r);
/* The first line to show so that `focus` stays in view, moving from `first` only when it must
   (first < 1: choose afresh, focus a third of the way down). */
int view_code_scroll(int first, int focus, int shown, int nlines);
/* The line the code panel should keep in view for a snapshot: the running line, else the line
   of what happened last, else 0. */
int view_code_focus(const view_snap *s);
/* The code's scroll at every record of a run: view_code_scroll folded over the run's focus
   lines from its start, so the code is where it was whichever way playback arrived. Kept per
   run and panel height, rebuilt when either changes. */
typedef struct view_code_track view_code_track;
view_code_track *view_code_track_new(void);
void view_code_track_free(view_code_track *t);
/* The first line to show after `at` records of run (1 when out of memory). */
int view_code_track_first(view_code_track *t, const view_state *vs, size_t run, size_t at,
                          int shown, int nlines);
/* Draws the code with markers: a coloured square per suspended task on its line (hollow while
   pending), the running line banded in its task's colour with an arrow, and error_line (when
   > 0) banded in the error colour. */
void view_code_draw(const view_pctx *p, draw_rect r, const char *title, const view_code *vc,
                    int first, int error_line, view_code_geom *out);

/* ---- The loop's parts ------------------------------------------------------------------- */

void view_queue_draw(const view_pctx *p, draw_rect r);
/* The same, moving: slide (0..1) shifts every entry right by that much of an entry's width,
   as they were before the front one left; enter (0..1) holds the last entry that far back
   from its place, as it arrives. Both 0: view_queue_draw. */
void view_queue_draw_moving(const view_pctx *p, draw_rect r, float slide, float enter);
void view_tasks_draw(const view_pctx *p, draw_rect r);
void view_futures_draw(const view_pctx *p, draw_rect r);
void view_timers_draw(const view_pctx *p, draw_rect r);
void view_console_draw(const view_pctx *p, draw_rect r);
/* The same three, noting where each task card, future row and timer row went (hits may be
   NULL). */
void view_tasks_draw_hits(const view_pctx *p, draw_rect r, view_hits *hits);
void view_futures_draw_hits(const view_pctx *p, draw_rect r, view_hits *hits);
void view_timers_draw_hits(const view_pctx *p, draw_rect r, view_hits *hits);
/* The lesson's explanation, wrapped to the panel; `scroll` lines skipped at the top. Returns
   how many wrapped lines the text has, so the caller can bound its scrolling. */
int view_explain_draw(const view_pctx *p, draw_rect r, const char *text, int scroll);

/* ---- Helpers other views share ---------------------------------------------------------- */

/* Calls line(ud, s, n) for each wrapped line of text in maxw: single newlines join (a lesson's
   text is hard-wrapped in its source), blank lines and list items ("- ", "* ") break.
   Returns the number of lines. */
typedef void (*view_wrap_fn)(void *ud, const char *s, size_t n);
int view_wrap(const draw_ctx *c, const char *text, draw_font f, float px, float maxw,
              view_wrap_fn line, void *ud);
/* A filled triangle pointing right (dir > 0) or left, inside r. */
void view_triangle(const draw_ctx *c, draw_rect r, int dir, draw_color col);
/* The colour a task state is drawn in. */
draw_color view_state_color(const struct view_theme *th, view_task_state st);

#endif

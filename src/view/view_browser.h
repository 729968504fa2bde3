/* view_browser.h -- the lesson list the window opens on: one row per lesson, drawn through
 * draw.h like every other screen. */
#ifndef LS_VIEW_BROWSER_H
#define LS_VIEW_BROWSER_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "view_i18n.h"
#include "view_screen.h"

typedef struct view_browser_item {
  const char *file;  /* "01_sync_vs_async.lua" */
  const char *title; /* in the current language; the file's name when the lesson has none */
  const char *line;  /* the first sentence of its text, "" for none */
  bool done;         /* reached the end before: a check mark */
} view_browser_item;

typedef struct view_browser_model {
  const view_browser_item *items;
  size_t n;
  size_t selected;
  size_t first; /* rows scrolled away */
  const char *dir;
  view_lang lang;
  int hover; /* row under the pointer, -1 for none */
  const char *toast;
} view_browser_model;

typedef struct view_browser_out {
  draw_rect list; /* where the rows are */
  float row_h;
  size_t first, shown; /* rows [first, first + shown) are drawn */
} view_browser_out;

/* How many rows fit on a screen of layout L. */
size_t view_browser_fit(const view_screen_layout *L);
/* The first row to show so that `selected` is visible, moving from `first` only when needed. */
size_t view_browser_scroll(size_t first, size_t selected, size_t shown, size_t n);
void view_browser_draw(const draw_ctx *c, const view_screen_layout *L,
                       const view_browser_model *m, view_browser_out *out);
/* The row under a point (layout units), or -1. */
int view_browser_row_at(const view_browser_out *o, float x, float y);

#endif

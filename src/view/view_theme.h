/* view_theme.h -- the colours every panel draws with: light (it prints) and dark. */
#ifndef LS_VIEW_THEME_H
#define LS_VIEW_THEME_H

#include "draw.h"
#include "ls.h"

#define VIEW_TASK_COLORS 12

typedef struct view_theme {
  const char *name; /* "light" or "dark" */
  draw_color bg;    /* the canvas */
  draw_color panel; /* behind rows and cards */
  draw_color border;
  draw_color text, text_dim;
  draw_color grid; /* tick lines and row separators */
  draw_color axis;
  draw_color playhead;
  draw_color task[VIEW_TASK_COLORS]; /* distinct, and none of them near blocked */
  draw_color blocked;      /* the loop held by time.sleep: nothing else is this colour */
  draw_color blocked_text; /* text drawn on blocked */
  float waiting_mix;       /* a waiting span is its task's colour this far toward panel */
  /* Task states (cards, badges, outcome marks). */
  draw_color running, ready, waiting, done, error, cancelled;
  draw_color print; /* print markers */
  draw_color ok;    /* a passed check (an exercise's verdict) */
  /* Lua source in the code panel. */
  draw_color code_keyword, code_string, code_comment, code_number, code_builtin;
} view_theme;

const view_theme *view_theme_light(void);
const view_theme *view_theme_dark(void);
/* "light" or "dark"; NULL for any other name. */
const view_theme *view_theme_named(const char *name);

/* A task's colour, the same in every panel: picked by its id. */
draw_color view_theme_task(const view_theme *th, ls_id task);
/* The lighter colour of a task's waiting spans. */
draw_color view_theme_task_waiting(const view_theme *th, ls_id task);

#endif

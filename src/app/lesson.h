/* lesson.h -- a lesson file run whole on the virtual clock and held with everything the screen
 * draws from: traces, their state index and timeline, the source text, any error. */
#ifndef APP_LESSON_H
#define APP_LESSON_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "check.h"
#include "lx.h"
#include "view_panels.h"
#include "view_screen.h"
#include "view_state.h"
#include "view_timeline.h"

typedef struct app_lesson {
  char *path;
  lx_rt *rt;
  int status;  /* LX_OK, LX_EFAIL (syntax error or failed run) or LX_EUSAGE (unreadable) */
  char *error; /* the message when status != LX_OK */
  int error_line;
  char *source; /* the file as read, even when it does not compile */
  size_t source_len;
  view_code *code;
  view_state *vs;
  view_timeline *tl;
  struct timespec mtime; /* when the file was last changed, for reloading */
  bool exercise;         /* lesson{ exercise = true }: check holds the verdict */
  app_check check;       /* expect against this load's run (exercises only) */
} app_lesson;

/* Reads, compiles and runs the lesson. NULL only when out of memory; a lesson that cannot be
   read, compiled or run is returned with status and error set, showing what it can. */
app_lesson *app_lesson_open(const char *path);
void app_lesson_free(app_lesson *l);
/* True when the file's modification time differs from when it was read. */
bool app_lesson_changed(const app_lesson *l);
const char *app_lesson_title(const app_lesson *l, view_lang lang); /* the file's name if none */
const char *app_lesson_text(const app_lesson *l, view_lang lang);  /* "" if none */
/* The playback start for a lesson: the last run in focus (a compare lesson's async version). */
void app_lesson_play_init(const app_lesson *l, view_play *p);
/* The lesson's predict questions into p (strings borrowed from l), started: phase ASK when
   it has any, else OFF. */
void app_lesson_predict(const app_lesson *l, view_predict *p);
/* lesson{ id = ... }, or NULL. */
const char *app_lesson_id(const app_lesson *l);
/* An exercise's verdict in lang ("✓ ..." or "✗ ..."), or NULL when the lesson is none. */
const char *app_lesson_verdict(const app_lesson *l, view_lang lang);
/* Fills the parts of a screen model that come from the lesson. */
void app_lesson_model(const app_lesson *l, view_lang lang, view_screen_model *m);

#endif

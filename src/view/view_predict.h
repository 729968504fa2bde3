/* view_predict.h -- the lesson's predict questions: asked before the run, answered by number
 * key or click, revealed (right or wrong, with why) when playback reaches the deciding time.
 * The state machine is plain data so tests can walk it; the drawing goes through draw.h. */
#ifndef LS_VIEW_PREDICT_H
#define LS_VIEW_PREDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "ls.h"
#include "view_i18n.h"

#define VIEW_PREDICT_CHOICES 4
#define VIEW_PREDICT_MAX 32 /* questions beyond this are not asked */

/* One question; strings are borrowed (the lesson owns them). */
typedef struct view_predict_q {
  const char *ask[VIEW_LANG__COUNT], *why[VIEW_LANG__COUNT];
  const char *choices[VIEW_PREDICT_CHOICES];
  size_t nchoices;
  int answer; /* 1-based */
  ls_time at;
} view_predict_q;

typedef enum {
  VIEW_PREDICT_OFF = 0, /* no questions, or all of them done */
  VIEW_PREDICT_ASK,     /* question `cur` is shown; playback waits */
  VIEW_PREDICT_WAIT,    /* answered (or skipped); playback runs toward its `at` */
  VIEW_PREDICT_REVEAL   /* right or wrong and why; Enter goes on */
} view_predict_phase;

typedef struct view_predict {
  view_predict_q q[VIEW_PREDICT_MAX];
  size_t n, cur;
  view_predict_phase phase;
  int chosen[VIEW_PREDICT_MAX]; /* 1-based; 0: skipped or not yet asked */
} view_predict;

/* Starts at the first question (phase ASK), or OFF when there are none. */
void view_predict_start(view_predict *p);
/* In ASK: takes choice (1..nchoices) or 0 to skip and goes to WAIT. False when not asking or
   the choice is out of range. */
bool view_predict_answer(view_predict *p, int choice);
/* In WAIT: reveals when the playhead t reaches the question's `at` (or playback ended).
   True when it just revealed. */
bool view_predict_update(view_predict *p, ls_time t, bool at_end);
/* In REVEAL: the next question (ASK), or OFF after the last. True when a question is asked
   again, so the caller restarts playback if the playhead is already past its `at`. */
bool view_predict_next(view_predict *p);
/* Playback must wait while a question is asked. */
bool view_predict_blocks(const view_predict *p);
/* The current question's verdict: 1 right, 0 wrong, -1 skipped (REVEAL only). */
int view_predict_verdict(const view_predict *p);
/* The reveal line in lang: "Right!"/"Not quite: the answer is 2." and the why. */
void view_predict_reveal_text(const view_predict *p, view_lang lang, char *buf, size_t cap);

typedef struct view_predict_out {
  draw_rect box;
  draw_rect choice[VIEW_PREDICT_CHOICES]; /* clickable, in ASK */
  size_t nchoices;
} view_predict_out;

/* Draws the question (ASK, a card in the middle of `area`), the waiting line (WAIT) or the
   reveal (REVEAL) over `area` in layout units; T is the base text size. out may be NULL. */
void view_predict_draw(const draw_ctx *c, draw_rect area, float T, const view_predict *p,
                       view_lang lang, view_predict_out *out);
/* The choice under a point in the last drawing, 1-based, or 0. */
int view_predict_choice_at(const view_predict_out *o, float x, float y);

#endif

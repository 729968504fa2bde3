/* test_predict.c -- lesson 1's first predict question walked through: asked, answered wrong,
 * revealed at 3.0 s with its why; and the card is on the screen. */
#include <string.h>

#include "view_predict.h"
#include "view_screen.h"
#include "view_theme.h"
#include "vt.h"

#define S(x) LS_FROM_SEC(x)

/* Lesson 1's questions, as its predict{} gives them. */
static void l1_questions(view_predict *p) {
  memset(p, 0, sizeof *p);
  view_predict_q *q = &p->q[0];
  q->ask[VIEW_LANG_KO] = "비동기 버전에서 '완료' 줄은 어떤 순서로 출력될까요?";
  q->ask[VIEW_LANG_EN] = "In the async version, in what order do the '완료' (done) lines print?";
  q->choices[0] = "Task 1, 2, 3";
  q->choices[1] = "Task 3, 1, 2";
  q->choices[2] = "Task 2, 1, 3";
  q->nchoices = 3;
  q->answer = 2;
  q->at = S(3.0);
  q->why[VIEW_LANG_KO] = "모두 동시에 기다리므로 가장 짧은 sleep(1초)이 먼저 끝납니다.";
  q->why[VIEW_LANG_EN] = "They all wait at the same time, so the shortest sleep (1 s) ends first.";
  q = &p->q[1];
  q->ask[VIEW_LANG_KO] = q->ask[VIEW_LANG_EN] = "How long does the async version take in total?";
  q->choices[0] = "6초 / 6 s";
  q->choices[1] = "3초 / 3 s";
  q->choices[2] = "1초 / 1 s";
  q->nchoices = 3;
  q->answer = 2;
  q->at = S(3.0);
  q->why[VIEW_LANG_KO] = q->why[VIEW_LANG_EN] = "As long as the longest job: max(2, 3, 1).";
  p->n = 2;
  view_predict_start(p);
}

static int card_ink(view_predict *p, view_lang lang, view_screen_out *out) {
  view_screen_layout L;
  view_screen_layout_compute(1280, 720, 1.0f, &L);
  draw_canvas *cv = draw_canvas_new(1280, 720, vt_fonts());
  if (!cv) return -1;
  draw_ctx c = draw_canvas_ctx(cv, L.scale, view_theme_light());
  view_screen_model m = {.lang = lang, .hover_button = -1, .predict = p};
  view_screen_draw(&c, &L, &m, out);
  /* The card's inside differs from its flat panel colour where text is. */
  int ink = out->predict.box.w > 0
                ? vt_ink(cv, draw_rect_inset(out->predict.box, 4, 4), view_theme_light()->panel, 8)
                : 0;
  draw_canvas_free(cv);
  return ink;
}

int vt_predict_l1(void) {
  view_predict p;
  l1_questions(&p);
  VT_EQ(p.phase, VIEW_PREDICT_ASK);
  VT_CHECK(view_predict_blocks(&p));
  VT_CHECK(!view_predict_answer(&p, 4)); /* only three choices */

  /* The question is drawn over the screen, with a clickable row per choice. */
  view_screen_out out;
  int ink = card_ink(&p, VIEW_LANG_KO, &out);
  VT_CHECK(out.predict.box.w > 200 && out.predict.box.h > 100);
  VT_EQ(out.predict.nchoices, 3);
  VT_CHECK(ink > 500);
  draw_rect r1 = out.predict.choice[0];
  VT_EQ(view_predict_choice_at(&out.predict, r1.x + 5, r1.y + r1.h / 2), 1);
  VT_EQ(view_predict_choice_at(&out.predict, out.predict.choice[2].x + 5,
                               out.predict.choice[2].y + 2),
        3);
  VT_EQ(view_predict_choice_at(&out.predict, 1, 1), 0);

  /* Answered wrong ("Task 1, 2, 3"): playback runs; nothing is revealed before 3.0 s. */
  VT_CHECK(view_predict_answer(&p, 1));
  VT_EQ(p.phase, VIEW_PREDICT_WAIT);
  VT_CHECK(!view_predict_blocks(&p));
  VT_CHECK(!view_predict_update(&p, S(2.999), false));
  VT_EQ(p.phase, VIEW_PREDICT_WAIT);
  VT_CHECK(view_predict_update(&p, S(3.0), false));
  VT_EQ(p.phase, VIEW_PREDICT_REVEAL);
  VT_EQ(view_predict_verdict(&p), 0);
  char t[1500];
  view_predict_reveal_text(&p, VIEW_LANG_EN, t, sizeof t);
  VT_CHECK(strstr(t, "Not quite.") == t);
  VT_CHECK(strstr(t, "The answer is 2 (Task 3, 1, 2)"));
  VT_CHECK(strstr(t, "the shortest sleep (1 s) ends first"));
  view_predict_reveal_text(&p, VIEW_LANG_KO, t, sizeof t);
  VT_CHECK(strstr(t, "가장 짧은 sleep(1초)이 먼저 끝납니다"));
  ink = card_ink(&p, VIEW_LANG_EN, &out);
  VT_CHECK(ink > 500);
  VT_EQ(out.predict.choice[0].w, 0); /* not clickable once revealed */

  /* Then the second question; skipped, it reveals at the end of playback. */
  VT_CHECK(view_predict_next(&p));
  VT_EQ(p.phase, VIEW_PREDICT_ASK);
  VT_EQ(p.cur, 1);
  VT_CHECK(view_predict_answer(&p, 0));
  VT_CHECK(view_predict_update(&p, S(1.0), true));
  VT_EQ(view_predict_verdict(&p), -1);
  VT_CHECK(!view_predict_next(&p));
  VT_EQ(p.phase, VIEW_PREDICT_OFF);
  card_ink(&p, VIEW_LANG_EN, &out);
  VT_EQ(out.predict.box.w, 0); /* nothing drawn once done */
  return 0;
}

/* view_predict.c -- predict questions: the state machine and its card. */
#include "view_predict.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view_panels.h"
#include "view_theme.h"

void view_predict_start(view_predict *p) {
  if (p->n > VIEW_PREDICT_MAX) p->n = VIEW_PREDICT_MAX;
  p->cur = 0;
  memset(p->chosen, 0, sizeof p->chosen);
  p->phase = p->n ? VIEW_PREDICT_ASK : VIEW_PREDICT_OFF;
}

bool view_predict_answer(view_predict *p, int choice) {
  if (p->phase != VIEW_PREDICT_ASK || p->cur >= p->n) return false;
  if (choice < 0 || (size_t)choice > p->q[p->cur].nchoices) return false;
  p->chosen[p->cur] = choice;
  p->phase = VIEW_PREDICT_WAIT;
  return true;
}

bool view_predict_update(view_predict *p, ls_time t, bool at_end) {
  if (p->phase != VIEW_PREDICT_WAIT || p->cur >= p->n) return false;
  if (t < p->q[p->cur].at && !at_end) return false;
  p->phase = VIEW_PREDICT_REVEAL;
  return true;
}

bool view_predict_next(view_predict *p) {
  if (p->phase != VIEW_PREDICT_REVEAL) return false;
  if (p->cur + 1 < p->n) {
    p->cur++;
    p->phase = VIEW_PREDICT_ASK;
    return true;
  }
  p->phase = VIEW_PREDICT_OFF;
  return false;
}

bool view_predict_blocks(const view_predict *p) {
  return p && p->phase == VIEW_PREDICT_ASK;
}

int view_predict_verdict(const view_predict *p) {
  if (p->cur >= p->n) return -1;
  int ch = p->chosen[p->cur];
  if (ch == 0) return -1;
  return ch == p->q[p->cur].answer ? 1 : 0;
}

static const char *pick(const char *const s[VIEW_LANG__COUNT], view_lang lang) {
  const char *r = s[lang];
  if (!r || !*r) r = s[lang == VIEW_LANG_KO ? VIEW_LANG_EN : VIEW_LANG_KO];
  return r ? r : "";
}

static const char *choice_text(const view_predict_q *q, int i) {
  return i >= 1 && (size_t)i <= q->nchoices && q->choices[i - 1] ? q->choices[i - 1] : "";
}

void view_predict_reveal_text(const view_predict *p, view_lang lang, char *buf, size_t cap) {
  if (!cap) return;
  buf[0] = 0;
  if (p->cur >= p->n) return;
  const view_predict_q *q = &p->q[p->cur];
  bool ko = lang == VIEW_LANG_KO;
  const char *verdict;
  switch (view_predict_verdict(p)) {
  case 1:
    verdict = ko ? "정답입니다!" : "Right!";
    break;
  case 0:
    verdict = ko ? "아쉽네요." : "Not quite.";
    break;
  default:
    verdict = ko ? "건너뛴 질문입니다." : "Skipped.";
    break;
  }
  snprintf(buf, cap, "%s %s %d (%s). %s", verdict, ko ? "정답:" : "The answer is", q->answer,
           choice_text(q, q->answer), pick(q->why, lang));
}

/* ---- Drawing ------------------------------------------------------------------------------
 */

typedef struct wrap_ctx {
  const draw_ctx *c;
  float x, y, lh, px, bottom;
  draw_font f;
  draw_color col;
  bool draw;
  int lines;
} wrap_ctx;

static void wrap_line(void *ud, const char *s, size_t n) {
  wrap_ctx *w = ud;
  if (w->draw && w->y + w->lh <= w->bottom + 0.5f) {
    char buf[1024];
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    draw_text(w->c, w->x, w->y, buf, w->f, w->px, w->col);
  }
  w->y += w->lh;
  w->lines++;
}

/* Height of text wrapped in maxw; draws it at (x, y) when draw. */
static float wrapped(const draw_ctx *c, float x, float y, float maxw, float bottom,
                     const char *text, draw_font f, float px, draw_color col, bool draw) {
  wrap_ctx w = {c, x, y, draw_measure(c, "Ag", f, px).h * 1.15f, px, bottom, f, col, draw, 0};
  view_wrap(c, text, f, px, maxw, wrap_line, &w);
  return (float)w.lines * w.lh;
}

static draw_color dim(draw_color bg) {
  return (bg & 0xFFFFFF00u) | 0xB4u;
}

static void draw_card(const draw_ctx *c, draw_rect area, float T, const view_predict *p,
                      view_lang lang, view_predict_out *out) {
  const view_theme *th = c->theme;
  const view_predict_q *q = &p->q[p->cur];
  bool ko = lang == VIEW_LANG_KO, ask = p->phase == VIEW_PREDICT_ASK;
  float pad = T * 1.2f, w = fminf(area.w - 2 * T, T * 46), inner = w - 2 * pad;
  float lh = draw_measure(c, "Ag", DRAW_FONT_UI, T).h, row_h = lh * 1.9f;
  float head_px = T * 1.2f, head_h = draw_measure(c, "Ag", DRAW_FONT_BOLD, head_px).h * 1.5f;
  const char *asktext = pick(q->ask, lang);
  float ask_h = wrapped(c, 0, 0, inner, 0, asktext, DRAW_FONT_BOLD, T * 1.05f, 0, false);
  char why[1500];
  float why_h = 0;
  if (!ask) {
    view_predict_reveal_text(p, lang, why, sizeof why);
    why_h = wrapped(c, 0, 0, inner, 0, why, DRAW_FONT_UI, T, 0, false) + lh * 0.6f;
  }
  float h = pad * 2 + head_h + ask_h + lh * 0.6f + row_h * (float)q->nchoices + why_h +
            lh * 1.6f;
  if (h > area.h - T) h = area.h - T;
  draw_rect box = {area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
  draw_fill(c, area, dim(th->bg));
  draw_fill(c, box, th->panel);
  int v = ask ? -2 : view_predict_verdict(p);
  draw_color edge = v == 1 ? th->done : v == 0 ? th->error : th->playhead;
  draw_stroke(c, box, fmaxf(1.0f / c->scale, T * 0.15f), edge);
  draw_clip_push(c, box);
  char head[160];
  if (ask)
    snprintf(head, sizeof head, ko ? "예측해 보세요 (%zu/%zu)" : "Predict (%zu/%zu)",
             p->cur + 1, p->n);
  else
    snprintf(head, sizeof head, "%s",
             v == 1 ? (ko ? "정답!" : "Right!")
                    : v == 0 ? (ko ? "오답" : "Wrong") : (ko ? "정답 공개" : "The answer"));
  float x = box.x + pad, y = box.y + pad, bottom = box.y + box.h - pad;
  draw_text(c, x, y, head, DRAW_FONT_BOLD, head_px, ask ? th->playhead : edge);
  y += head_h;
  y += wrapped(c, x, y, inner, bottom, asktext, DRAW_FONT_BOLD, T * 1.05f, th->text, true);
  y += lh * 0.6f;
  if (out) out->nchoices = q->nchoices;
  for (size_t i = 0; i < q->nchoices; i++, y += row_h) {
    draw_rect r = {x, y, inner, row_h - lh * 0.3f};
    int n = (int)i + 1;
    bool right = !ask && n == q->answer, mine = !ask && n == p->chosen[p->cur];
    draw_color fill = right ? draw_color_mix(th->panel, th->done, 0.25f)
                      : mine ? draw_color_mix(th->panel, th->error, 0.25f)
                             : th->bg;
    draw_fill(c, r, fill);
    draw_stroke(c, r, fmaxf(1.0f / c->scale, T * 0.08f),
                right ? th->done : mine ? th->error : th->border);
    char num[48];
    snprintf(num, sizeof num, "%d", n);
    float ty = r.y + (r.h - lh) / 2;
    draw_text(c, r.x + T * 0.6f, ty, num, DRAW_FONT_BOLD, T, th->playhead);
    float tx = r.x + T * 2.2f;
    tx += draw_text_fit(c, tx, ty, r.w - T * 2.8f, choice_text(q, n), DRAW_FONT_UI, T,
                        th->text);
    if (mine || right) {
      const char *tag = right && mine ? (ko ? "  ← 내 답, 정답" : "  ← your answer, right")
                        : right       ? (ko ? "  ← 정답" : "  ← the answer")
                                      : (ko ? "  ← 내 답" : "  ← your answer");
      draw_text_fit(c, tx, ty, r.x + r.w - tx, tag, DRAW_FONT_BOLD, T * 0.9f,
                    right ? th->done : th->error);
    }
    if (out) out->choice[i] = ask ? r : (draw_rect){0, 0, 0, 0};
  }
  if (!ask) {
    y += lh * 0.3f;
    y += wrapped(c, x, y, inner, bottom, why, DRAW_FONT_UI, T, th->text, true);
  }
  const char *hint = ask ? (ko ? "숫자 키나 클릭으로 답하면 재생이 시작됩니다 · Enter: 건너뛰기"
                               : "Answer with a number key or a click to start · Enter: skip")
                         : (ko ? "Enter 또는 클릭: 계속" : "Enter or a click: go on");
  draw_text_fit(c, x, box.y + box.h - pad - lh, inner, hint, DRAW_FONT_UI, T * 0.9f,
                th->text_dim);
  draw_clip_pop(c);
  if (out) out->box = box;
}

static void draw_waiting(const draw_ctx *c, draw_rect area, float T, const view_predict *p,
                         view_lang lang, view_predict_out *out) {
  const view_theme *th = c->theme;
  const view_predict_q *q = &p->q[p->cur];
  bool ko = lang == VIEW_LANG_KO;
  char line[600];
  int ch = p->chosen[p->cur];
  if (ch)
    snprintf(line, sizeof line, ko ? "내 답: %s · %.2f초에 공개" : "Your answer: %s · revealed at %.2f s",
             choice_text(q, ch), LS_TO_SEC(q->at));
  else
    snprintf(line, sizeof line, ko ? "건너뜀 · %.2f초에 정답 공개" : "Skipped · the answer at %.2f s",
             LS_TO_SEC(q->at));
  float px = T * 0.95f, pad = T * 0.5f;
  draw_size s = draw_measure(c, line, DRAW_FONT_BOLD, px);
  float w = fminf(s.w + 2 * pad, area.w - 2 * T), h = s.h + pad;
  draw_rect box = {area.x + area.w - w - T * 0.5f, area.y + T * 0.4f, w, h};
  draw_fill(c, box, th->panel);
  draw_stroke(c, box, fmaxf(1.0f / c->scale, T * 0.1f), th->playhead);
  draw_text_fit(c, box.x + pad, box.y + pad / 2, w - 2 * pad, line, DRAW_FONT_BOLD, px,
                th->playhead);
  if (out) out->box = box;
}

void view_predict_draw(const draw_ctx *c, draw_rect area, float T, const view_predict *p,
                       view_lang lang, view_predict_out *out) {
  if (out) memset(out, 0, sizeof *out);
  if (!p || p->cur >= p->n) return;
  switch (p->phase) {
  case VIEW_PREDICT_ASK:
  case VIEW_PREDICT_REVEAL:
    draw_card(c, area, T, p, lang, out);
    break;
  case VIEW_PREDICT_WAIT:
    draw_waiting(c, area, T, p, lang, out);
    break;
  default:
    break;
  }
}

int view_predict_choice_at(const view_predict_out *o, float x, float y) {
  for (size_t i = 0; i < o->nchoices && i < VIEW_PREDICT_CHOICES; i++) {
    draw_rect r = o->choice[i];
    if (r.w > 0 && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h) return (int)i + 1;
  }
  return 0;
}

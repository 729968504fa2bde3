/* view_browser.c -- the lesson list: a title bar, rows of lessons, a line of keys. */
#include "view_browser.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view_theme.h"

static float line_h(const draw_ctx *c, draw_font f, float px) {
  return draw_measure(c, "", f, px).h;
}

/* Rows sit between the title bar and the key line; their height follows the text size. */
static draw_rect list_rect(const view_screen_layout *L) {
  float T = L->T;
  float top = roundf(T * 5.2f), bottom = roundf(T * 2.7f);
  float w = fminf(L->screen.w - 2 * T * 2, T * 80);
  return (draw_rect){(L->screen.w - w) / 2, top, w, L->screen.h - top - bottom - T};
}

static float row_height(const view_screen_layout *L) {
  return roundf(L->T * 3.6f);
}

size_t view_browser_fit(const view_screen_layout *L) {
  draw_rect r = list_rect(L);
  float h = row_height(L);
  return r.h > h ? (size_t)(r.h / h) : 1;
}

size_t view_browser_scroll(size_t first, size_t selected, size_t shown, size_t n) {
  if (shown == 0) return 0;
  if (selected < first) first = selected;
  if (selected >= first + shown) first = selected - shown + 1;
  if (n > shown && first > n - shown) first = n - shown;
  if (n <= shown) first = 0;
  return first;
}

void view_browser_draw(const draw_ctx *c, const view_screen_layout *L,
                       const view_browser_model *m, view_browser_out *out) {
  const view_theme *th = c->theme;
  float T = L->T;
  draw_fill(c, (draw_rect){0, 0, L->screen.w + 1, L->screen.h + 1}, th->bg);
  draw_rect list = list_rect(L);
  float rh = row_height(L);
  size_t fit = view_browser_fit(L);
  size_t first = view_browser_scroll(m->first, m->selected, fit, m->n);
  size_t shown = m->n - first < fit ? m->n - first : fit;
  if (out) *out = (view_browser_out){list, rh, first, shown};

  /* Title: "Loopscope · Lessons", and where they come from. */
  float y = roundf(T * 1.3f);
  float x = list.x;
  x += draw_text(c, x, y, "Loopscope", DRAW_FONT_BOLD, T * 1.8f, th->text);
  draw_text(c, x + T,
            y + (line_h(c, DRAW_FONT_BOLD, T * 1.8f) - line_h(c, DRAW_FONT_BOLD, T * 1.3f)),
            view_str(m->lang, VIEW_S_LESSONS), DRAW_FONT_BOLD, T * 1.3f, th->text_dim);
  if (m->dir)
    draw_text_fit(c, list.x, y + line_h(c, DRAW_FONT_BOLD, T * 1.8f) + T * 0.2f, list.w, m->dir,
                  DRAW_FONT_UI, T * 0.8f, th->text_dim);

  if (m->n == 0) {
    char b[1024];
    snprintf(b, sizeof b, view_str(m->lang, VIEW_S_NO_LESSONS), m->dir ? m->dir : "?");
    draw_text_fit(c, list.x, list.y, list.w, b, DRAW_FONT_UI, T, th->text);
  }
  draw_clip_push(c, list);
  for (size_t k = 0; k < shown; k++) {
    size_t i = first + k;
    const view_browser_item *it = &m->items[i];
    draw_rect row = {list.x, list.y + rh * (float)k, list.w, rh - roundf(T * 0.35f)};
    bool sel = i == m->selected, hov = (int)i == m->hover;
    draw_fill(c, row, sel ? draw_color_mix(th->playhead, th->bg, 0.85f) : th->panel);
    draw_stroke(c, row, sel ? fmaxf(1.0f / c->scale, T * 0.12f) : 1.0f / c->scale,
                sel   ? th->playhead
                : hov ? th->axis
                      : th->border);
    draw_fill(c, (draw_rect){row.x, row.y, T * 0.35f, row.h},
              view_theme_task(th, (ls_id)i + 1));
    float l1 = line_h(c, DRAW_FONT_BOLD, T * 1.1f);
    float fw = draw_measure(c, it->file, DRAW_FONT_UI, T * 0.8f).w;
    { /* done: a green check in a box; not done: the empty box */
      float bs = T * 0.9f, bx = row.x + row.w - T * 0.6f - bs, by = row.y + T * 0.5f;
      draw_rect box = {bx, by, bs, bs};
      draw_stroke(c, box, fmaxf(1.0f / c->scale, T * 0.08f), it->done ? th->done : th->border);
      if (it->done) {
        float lw = fmaxf(1.0f / c->scale, T * 0.14f);
        draw_line(c, bx + bs * 0.2f, by + bs * 0.5f, bx + bs * 0.42f, by + bs * 0.75f, lw, th->done);
        draw_line(c, bx + bs * 0.42f, by + bs * 0.75f, bx + bs * 0.82f, by + bs * 0.22f, lw,
                  th->done);
      }
      row.w -= bs + T * 0.5f; /* the file name sits left of the box */
    }
    float tx = row.x + T * 1.0f, tw = row.w - T * 1.5f;
    draw_text(c, row.x + row.w - T * 0.6f - fw,
              row.y + T * 0.45f + (l1 - line_h(c, DRAW_FONT_UI, T * 0.8f)) / 2, it->file,
              DRAW_FONT_UI, T * 0.8f, th->text_dim);
    draw_text_fit(c, tx, row.y + T * 0.45f, tw - fw - T * 1.2f, it->title, DRAW_FONT_BOLD,
                  T * 1.1f, th->text);
    if (it->line && *it->line)
      draw_text_fit(c, tx, row.y + T * 0.45f + l1 + T * 0.1f, tw, it->line, DRAW_FONT_UI,
                    T * 0.85f, th->text_dim);
  }
  draw_clip_pop(c);
  if (first + shown < m->n || first > 0) {
    char b[64];
    snprintf(b, sizeof b, "%zu–%zu / %zu", first + 1, first + shown, m->n);
    float w = draw_measure(c, b, DRAW_FONT_UI, T * 0.8f).w;
    draw_text(c, list.x + list.w - w, list.y - T * 1.3f, b, DRAW_FONT_UI, T * 0.8f,
              th->text_dim);
  }

  /* The keys, at the bottom. */
  draw_rect bar = {0, L->screen.h - roundf(T * 2.7f), L->screen.w, roundf(T * 2.7f)};
  draw_fill(c, bar, th->panel);
  draw_line(c, 0, bar.y, bar.w, bar.y, 1.0f / c->scale, th->border);
  const char *keys = m->lang == VIEW_LANG_KO
                         ? "↑ ↓ 고르기   Enter 또는 클릭 열기   L English   T 밝은/어두운 화면 "
                           "  Ctrl +/- 글자 크기   Esc 종료"
                         : "↑ ↓ choose   Enter or click: open   L 한국어   T light/dark   Ctrl "
                           "+/- text size   Esc quit";
  draw_text_fit(c, list.x, bar.y + (bar.h - line_h(c, DRAW_FONT_UI, T * 0.9f)) / 2, list.w,
                keys, DRAW_FONT_UI, T * 0.9f, th->text);
  if (m->toast && *m->toast) {
    float w =
        fminf(draw_measure(c, m->toast, DRAW_FONT_UI, T * 0.9f).w + T, L->screen.w - 2 * T);
    draw_rect box = {L->screen.w - w - T, bar.y - T * 2.2f, w, T * 1.7f};
    draw_fill(c, box, th->text);
    draw_text_fit(c, box.x + T * 0.5f, box.y + (box.h - line_h(c, DRAW_FONT_UI, T * 0.9f)) / 2,
                  w - T, m->toast, DRAW_FONT_UI, T * 0.9f, th->bg);
  }
}

int view_browser_row_at(const view_browser_out *o, float x, float y) {
  if (x < o->list.x || x >= o->list.x + o->list.w || y < o->list.y || o->row_h <= 0) return -1;
  size_t k = (size_t)((y - o->list.y) / o->row_h);
  if (k >= o->shown) return -1;
  return (int)(o->first + k);
}

/* view_screen.c -- the screen's layout (computed from the window size, never per resolution)
 * and the one function that draws it all: top bar, panels, timeline, status bar, overlays. */
#include "view_screen.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view_theme.h"

static const char *const key_names[VIEW_KEY__COUNT] = {
#define VIEW_KEY_NAME(id, key, en, ko) key,
    VIEW_KEYS(VIEW_KEY_NAME)
#undef VIEW_KEY_NAME
};
static const char *const key_texts[VIEW_KEY__COUNT][VIEW_LANG__COUNT] = {
#define VIEW_KEY_TEXT(id, key, en, ko) {en, ko},
    VIEW_KEYS(VIEW_KEY_TEXT)
#undef VIEW_KEY_TEXT
};

const char *view_key_name(view_key_id id) {
  return (unsigned)id < VIEW_KEY__COUNT ? key_names[id] : "";
}

const char *view_key_text(view_key_id id, view_lang lang) {
  if ((unsigned)id >= VIEW_KEY__COUNT) return "";
  if ((unsigned)lang >= VIEW_LANG__COUNT) lang = VIEW_LANG_EN;
  return key_texts[id][lang];
}

static float line_h(const draw_ctx *c, draw_font f, float px) {
  return draw_measure(c, "", f, px).h;
}

/* ---- Layout -------------------------------------------------------------------------------
 */

void view_screen_layout_compute(int width, int height, float zoom, view_screen_layout *L) {
  view_screen_layout_rows(width, height, zoom, 0, L);
}

void view_screen_layout_rows(int width, int height, float zoom, size_t rows,
                             view_screen_layout *L) {
  memset(L, 0, sizeof *L);
  if (width < 1) width = 1;
  if (height < 1) height = 1;
  L->width = width;
  L->height = height;
  /* One layout unit is a pixel at 1280x720; bigger windows scale everything up alike. */
  float s = fminf((float)width / 1280.0f, (float)height / 720.0f);
  if (s < 0.5f) s = 0.5f;
  L->scale = s;
  if (zoom < VIEW_ZOOM_MIN) zoom = VIEW_ZOOM_MIN;
  if (zoom > VIEW_ZOOM_MAX) zoom = VIEW_ZOOM_MAX;
  float T = VIEW_TEXT_PX * zoom;
  L->T = T;
  float W = floorf((float)width / s), H = floorf((float)height / s);
  L->screen = (draw_rect){0, 0, W, H};
  float g = roundf(T * 0.45f);
  float top_h = roundf(T * 2.4f), st_h = roundf(T * 2.7f);
  L->panel[VIEW_PANEL_TOP] = (draw_rect){0, 0, W, top_h};
  L->panel[VIEW_PANEL_STATUS] = (draw_rect){0, H - st_h, W, st_h};

  /* Between the bars: the loop's panels above, the timeline and explanation below. */
  float y0 = top_h + g, y1 = H - st_h - g;
  float avail = y1 - y0 - g;
  /* The timeline grows with its rows (a compare lesson stacks two runs), up to nearly half. */
  float frac = 0.38f + (rows > 6 ? 0.01f * (float)(rows - 6) : 0);
  if (frac > 0.46f) frac = 0.46f;
  float tl_h = roundf(avail * frac);
  if (tl_h < T * 9 && avail > T * 20) tl_h = roundf(T * 9);
  float main_h = avail - tl_h;
  float x0 = g, x1 = W - g;
  float inner = x1 - x0 - 2 * g;
  float code_w = roundf(inner * 0.38f), mid_w = roundf(inner * 0.31f);
  float right_w = inner - code_w - mid_w;
  L->panel[VIEW_PANEL_CODE] = (draw_rect){x0, y0, code_w, main_h};
  float mx = x0 + code_w + g;
  float q_h = roundf(T * 4.5f);
  if (q_h > main_h / 3) q_h = roundf(main_h / 3);
  L->panel[VIEW_PANEL_QUEUE] = (draw_rect){mx, y0, mid_w, q_h};
  L->panel[VIEW_PANEL_TASKS] = (draw_rect){mx, y0 + q_h + g, mid_w, main_h - q_h - g};
  float rx = mx + mid_w + g;
  float col_h = main_h - 2 * g;
  float tm_h = roundf(col_h * 0.27f), fu_h = roundf(col_h * 0.25f);
  L->panel[VIEW_PANEL_TIMERS] = (draw_rect){rx, y0, right_w, tm_h};
  L->panel[VIEW_PANEL_FUTURES] = (draw_rect){rx, y0 + tm_h + g, right_w, fu_h};
  L->panel[VIEW_PANEL_CONSOLE] =
      (draw_rect){rx, y0 + tm_h + fu_h + 2 * g, right_w, col_h - tm_h - fu_h};
  float by = y0 + main_h + g;
  float tl_w = roundf((x1 - x0 - g) * 0.64f);
  L->panel[VIEW_PANEL_TIMELINE] = (draw_rect){x0, by, tl_w, tl_h};
  L->panel[VIEW_PANEL_EXPLAIN] = (draw_rect){x0 + tl_w + g, by, x1 - x0 - g - tl_w, tl_h};

  /* The status bar: transport buttons on the left, settings on the right, the event between. */
  draw_rect st = L->panel[VIEW_PANEL_STATUS];
  float bh = roundf(T * 1.9f), bw = roundf(T * 2.3f), bgap = roundf(T * 0.3f);
  float btop = st.y + roundf((st.h - bh) / 2);
  float x = g;
  for (int b = VIEW_BTN_HOME; b <= VIEW_BTN_END; b++) {
    float w = b == VIEW_BTN_PLAY ? roundf(T * 2.8f) : bw;
    L->button[b] = (draw_rect){x, btop, w, bh};
    x += w + bgap;
  }
  x += roundf(T * 0.5f);
  L->button[VIEW_BTN_SLOWER] = (draw_rect){x, btop, roundf(T * 1.9f), bh};
  x += roundf(T * 1.9f);
  L->speed = (draw_rect){x, btop, roundf(T * 3.6f), bh};
  x += L->speed.w;
  L->button[VIEW_BTN_FASTER] = (draw_rect){x, btop, roundf(T * 1.9f), bh};
  x += roundf(T * 1.9f) + roundf(T * 0.8f);
  float rx2 = W - g;
  static const struct {
    view_button b;
    float w;
  } right[] = {{VIEW_BTN_LESSONS, 5.4f},
               {VIEW_BTN_HELP, 2.3f},
               {VIEW_BTN_SHOT, 3.4f},
               {VIEW_BTN_THEME, 2.3f},
               {VIEW_BTN_LANG, 4.0f}};
  for (size_t i = 0; i < sizeof right / sizeof right[0]; i++) {
    float w = roundf(T * right[i].w);
    rx2 -= w;
    L->button[right[i].b] = (draw_rect){rx2, btop, w, bh};
    rx2 -= bgap;
  }
  rx2 -= roundf(T * 0.5f);
  L->status = (draw_rect){x, btop, rx2 > x ? rx2 - x : 0, bh};
}

size_t view_screen_timeline_rows(const view_timeline *tl) {
  size_t n = 0;
  for (size_t r = 0; tl && r < view_timeline_run_count(tl); r++)
    n += view_timeline_task_count(tl, r);
  return n;
}

static bool inside(draw_rect r, float x, float y) {
  return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

int view_screen_button_at(const view_screen_layout *L, float x, float y) {
  for (int b = 0; b < VIEW_BTN__COUNT; b++)
    if (inside(L->button[b], x, y)) return b;
  return -1;
}

int view_screen_panel_at(const view_screen_layout *L, float x, float y) {
  for (int p = 0; p < VIEW_PANEL__COUNT; p++)
    if (inside(L->panel[p], x, y)) return p;
  return -1;
}

/* ---- Bars ---------------------------------------------------------------------------------
 */

static void draw_top(const draw_ctx *c, const view_screen_layout *L, const view_screen_model *m,
                     view_screen_out *out) {
  const view_theme *th = c->theme;
  draw_rect r = L->panel[VIEW_PANEL_TOP];
  float T = L->T, g = roundf(T * 0.45f);
  draw_fill(c, r, th->panel);
  draw_line(c, r.x, r.y + r.h, r.x + r.w, r.y + r.h, 1.0f / c->scale, th->border);
  float tpx = T * 1.15f;
  float ty = r.y + (r.h - line_h(c, DRAW_FONT_BOLD, tpx)) / 2;
  /* The clock on the right: "1.25 s / 6.00 s", and the event count before it. */
  char clock[96] = "", ev[64] = "";
  if (m->vs && m->play) {
    char a[32], b[32];
    view_fmt_time(a, sizeof a, m->play->t, 2, false);
    view_fmt_time(b, sizeof b, view_state_end(m->vs), 2, false);
    snprintf(clock, sizeof clock, "%s / %s", a, b);
    snprintf(ev, sizeof ev, "%s %zu / %zu", view_str(m->lang, VIEW_S_EVENT), m->play->at,
             view_state_records(m->vs, m->play->run));
  }
  float cw = draw_measure(c, clock, DRAW_FONT_BOLD, T * 1.1f).w;
  float right = r.x + r.w - g;
  draw_text(c, right - cw, r.y + (r.h - line_h(c, DRAW_FONT_BOLD, T * 1.1f)) / 2, clock,
            DRAW_FONT_BOLD, T * 1.1f, th->text);
  right -= cw + T;
  float ew = draw_measure(c, ev, DRAW_FONT_UI, T * 0.85f).w;
  draw_text(c, right - ew, r.y + (r.h - line_h(c, DRAW_FONT_UI, T * 0.85f)) / 2, ev,
            DRAW_FONT_UI, T * 0.85f, th->text_dim);
  right -= ew + T;

  /* Run tabs (a compare lesson has two), right-aligned before the clock. */
  size_t nruns = m->vs ? view_state_run_count(m->vs) : 0;
  if (nruns > VIEW_TL_MAX_RUNS) nruns = VIEW_TL_MAX_RUNS;
  float tab_px = T * 0.9f, tab_h = roundf(T * 1.7f);
  if (nruns > 1 && m->play) {
    float x = right;
    for (size_t i = nruns; i-- > 0;) {
      const char *name = view_state_run_name(m->vs, i);
      float w =
          fminf(ceilf(draw_measure(c, name, DRAW_FONT_BOLD, tab_px).w) + T * 1.4f, T * 14);
      x -= w;
      draw_rect tab = {x, r.y + (r.h - tab_h) / 2, w, tab_h};
      bool on = i == m->play->run;
      draw_fill(c, tab, on ? th->playhead : th->bg);
      draw_stroke(c, tab, 1.0f / c->scale, on ? th->playhead : th->border);
      draw_text_fit(c, tab.x + T * 0.6f,
                    tab.y + (tab.h - line_h(c, DRAW_FONT_BOLD, tab_px)) / 2, w - T * 1.1f, name,
                    DRAW_FONT_BOLD, tab_px, on ? th->bg : th->text);
      if (out && i < VIEW_TL_MAX_RUNS) out->run_tab[i] = tab;
      x -= roundf(T * 0.3f);
    }
    if (out) out->nrun_tabs = nruns;
    right = x - T * 0.6f;
  }
  /* The title, then the file, in what is left. */
  float x = r.x + g;
  const char *title = m->title && *m->title ? m->title : "Loopscope";
  float tw = draw_text_fit(c, x, ty, right - x, title, DRAW_FONT_BOLD, tpx, th->text);
  if (out) {
    out->title = (draw_rect){x, ty, tw, line_h(c, DRAW_FONT_BOLD, tpx)};
    out->title_px = tpx;
  }
  x += tw;
  if (m->file && *m->file && right - x > T * 4) {
    x += T * 0.8f;
    draw_text_fit(c, x, r.y + (r.h - line_h(c, DRAW_FONT_UI, T * 0.85f)) / 2, right - x,
                  m->file, DRAW_FONT_UI, T * 0.85f, th->text_dim);
  }
}

/* A button's face: a frame, and an icon or a label. */
static void button_face(const draw_ctx *c, draw_rect b, bool hover, bool on) {
  const view_theme *th = c->theme;
  draw_fill(c, b, on ? draw_color_mix(th->playhead, th->bg, 0.8f) : hover ? th->grid : th->bg);
  draw_stroke(c, b, 1.0f / c->scale, hover ? th->axis : th->border);
}

static void button_label(const draw_ctx *c, draw_rect b, const char *s, float px,
                         draw_color col) {
  float w = draw_measure(c, s, DRAW_FONT_BOLD, px).w;
  if (w > b.w - px * 0.4f) w = b.w - px * 0.4f;
  draw_text_fit(c, b.x + (b.w - w) / 2, b.y + (b.h - line_h(c, DRAW_FONT_BOLD, px)) / 2, w, s,
                DRAW_FONT_BOLD, px, col);
}

static void draw_icon(const draw_ctx *c, view_button which, draw_rect b, bool playing) {
  draw_color col = c->theme->text;
  float s = b.h * 0.42f; /* icon height */
  float cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  float bar = fmaxf(1.0f / c->scale, s * 0.18f);
  draw_rect tri = {cx - s * 0.45f, cy - s / 2, s * 0.8f, s};
  switch (which) {
  case VIEW_BTN_PLAY:
    if (playing) {
      draw_fill(c, (draw_rect){cx - s * 0.4f, cy - s / 2, s * 0.28f, s}, col);
      draw_fill(c, (draw_rect){cx + s * 0.12f, cy - s / 2, s * 0.28f, s}, col);
    } else {
      view_triangle(c, (draw_rect){cx - s * 0.35f, cy - s / 2, s * 0.85f, s}, 1, col);
    }
    break;
  case VIEW_BTN_STEP: /* |> : a bar, then a triangle */
    draw_fill(c, (draw_rect){tri.x - bar, cy - s / 2, bar, s}, col);
    view_triangle(c, (draw_rect){tri.x + bar, tri.y, tri.w, tri.h}, 1, col);
    break;
  case VIEW_BTN_BACK: /* <| */
    view_triangle(c, (draw_rect){tri.x - bar, tri.y, tri.w, tri.h}, -1, col);
    draw_fill(c, (draw_rect){tri.x + tri.w, cy - s / 2, bar, s}, col);
    break;
  case VIEW_BTN_HOME: /* |<< */
    draw_fill(c, (draw_rect){cx - s * 0.75f, cy - s / 2, bar, s}, col);
    view_triangle(c, (draw_rect){cx - s * 0.7f + bar, cy - s / 2, s * 0.6f, s}, -1, col);
    view_triangle(c, (draw_rect){cx - s * 0.1f + bar, cy - s / 2, s * 0.6f, s}, -1, col);
    break;
  case VIEW_BTN_END: /* >>| */
    view_triangle(c, (draw_rect){cx - s * 0.5f - bar, cy - s / 2, s * 0.6f, s}, 1, col);
    view_triangle(c, (draw_rect){cx + s * 0.1f - bar, cy - s / 2, s * 0.6f, s}, 1, col);
    draw_fill(c, (draw_rect){cx + s * 0.7f - bar, cy - s / 2, bar, s}, col);
    break;
  case VIEW_BTN_THEME: /* half light, half dark */
    draw_stroke(c, (draw_rect){cx - s / 2, cy - s / 2, s, s}, bar, col);
    draw_fill(c, (draw_rect){cx, cy - s / 2, s / 2, s}, col);
    break;
  default:
    break;
  }
}

static void draw_status(const draw_ctx *c, const view_screen_layout *L,
                        const view_screen_model *m) {
  const view_theme *th = c->theme;
  draw_rect r = L->panel[VIEW_PANEL_STATUS];
  float T = L->T;
  draw_fill(c, r, th->panel);
  draw_line(c, r.x, r.y, r.x + r.w, r.y, 1.0f / c->scale, th->border);
  bool playing = m->play && m->play->playing;
  for (int b = 0; b < VIEW_BTN__COUNT; b++) {
    draw_rect br = L->button[b];
    button_face(c, br, m->hover_button == b, b == VIEW_BTN_HELP && m->help);
    switch (b) {
    case VIEW_BTN_SLOWER:
      button_label(c, br, "-", T * 1.1f, th->text);
      break;
    case VIEW_BTN_FASTER:
      button_label(c, br, "+", T * 1.1f, th->text);
      break;
    case VIEW_BTN_LANG:
      /* The language it switches to, named in that language. */
      button_label(c, br, m->lang == VIEW_LANG_KO ? "English" : "한국어", T * 0.85f, th->text);
      break;
    case VIEW_BTN_SHOT:
      button_label(c, br, "PNG", T * 0.8f, th->text);
      break;
    case VIEW_BTN_HELP:
      button_label(c, br, "?", T * 1.05f, th->text);
      break;
    case VIEW_BTN_LESSONS:
      button_label(c, br, view_str(m->lang, VIEW_S_LESSONS), T * 0.85f, th->text);
      break;
    default:
      draw_icon(c, (view_button)b, br, playing);
      break;
    }
  }
  /* The speed between - and +. */
  char sp[32];
  double speed = m->play ? m->play->speed : 1.0;
  snprintf(sp, sizeof sp, speed < 1 ? "%.2gx" : "%.0fx", speed);
  button_label(c, L->speed, sp, T * 0.95f, th->text);

  /* What just happened, with the task's colour. */
  draw_rect st = L->status;
  if (st.w <= T) return;
  char b[512] = "";
  ls_id who = 0;
  if (m->vs && m->snap && m->play) {
    if (m->snap->at == 0)
      snprintf(b, sizeof b, "%s", view_str(m->lang, VIEW_S_START));
    else if (m->snap->ended && m->snap->at == m->snap->count)
      snprintf(b, sizeof b, "%s", view_str(m->lang, VIEW_S_LOOP_ENDED));
    else {
      view_state_describe(m->vs, m->play->run, m->snap->at - 1, m->lang, b, sizeof b);
      who = m->snap->last ? m->snap->last->task : 0;
    }
  }
  float x = st.x;
  float sq = T * 0.7f;
  if (who) {
    draw_fill(c, (draw_rect){x, st.y + (st.h - sq) / 2, sq, sq}, view_theme_task(th, who));
    x += sq + T * 0.5f;
  }
  draw_text_fit(c, x, st.y + (st.h - line_h(c, DRAW_FONT_BOLD, T)) / 2, st.x + st.w - x, b,
                DRAW_FONT_BOLD, T, th->text);
}

/* ---- Overlays -----------------------------------------------------------------------------
 */

static void draw_help(const draw_ctx *c, const view_screen_layout *L, view_lang lang) {
  const view_theme *th = c->theme;
  float T = L->T;
  draw_fill(c, L->screen, (th->bg & 0xFFFFFF00u) | 0xC8u);
  float lh = line_h(c, DRAW_FONT_UI, T) * 1.35f;
  float key_w = 0, text_w = 0;
  for (int k = 0; k < VIEW_KEY__COUNT; k++) {
    key_w = fmaxf(key_w, draw_measure(c, view_key_name(k), DRAW_FONT_BOLD, T).w);
    text_w = fmaxf(text_w, draw_measure(c, view_key_text(k, lang), DRAW_FONT_UI, T).w);
  }
  float pad = T * 1.2f;
  float w = fminf(pad * 2 + key_w + T * 1.5f + text_w, L->screen.w - 2 * T);
  float title_h = line_h(c, DRAW_FONT_BOLD, T * 1.3f) * 1.4f;
  float h = fminf(pad * 2 + title_h + lh * VIEW_KEY__COUNT, L->screen.h - 2 * T);
  draw_rect box = {(L->screen.w - w) / 2, (L->screen.h - h) / 2, w, h};
  draw_fill(c, box, th->panel);
  draw_stroke(c, box, fmaxf(1.0f / c->scale, T * 0.1f), th->axis);
  draw_clip_push(c, box);
  draw_text(c, box.x + pad, box.y + pad, view_str(lang, VIEW_S_KEYS), DRAW_FONT_BOLD, T * 1.3f,
            th->text);
  float y = box.y + pad + title_h;
  for (int k = 0; k < VIEW_KEY__COUNT; k++, y += lh) {
    draw_text(c, box.x + pad, y, view_key_name(k), DRAW_FONT_BOLD, T, th->playhead);
    draw_text_fit(c, box.x + pad + key_w + T * 1.5f, y, box.w - 2 * pad - key_w - T * 1.5f,
                  view_key_text(k, lang), DRAW_FONT_UI, T, th->text);
  }
  draw_clip_pop(c);
}

static void draw_bubble(const draw_ctx *c, const view_screen_layout *L, const char *text,
                        float x, float y, bool above) {
  const view_theme *th = c->theme;
  float T = L->T, px = T * 0.9f, pad = T * 0.5f;
  float maxw = fminf(L->screen.w * 0.5f, T * 40);
  float w = fminf(draw_measure(c, text, DRAW_FONT_UI, px).w, maxw) + 2 * pad;
  float h = line_h(c, DRAW_FONT_UI, px) + 2 * pad * 0.6f;
  float bx = x + T, by = above ? y - h - T * 0.4f : y + T * 1.2f;
  if (bx + w > L->screen.w - T * 0.3f) bx = L->screen.w - T * 0.3f - w;
  if (bx < T * 0.3f) bx = T * 0.3f;
  if (by + h > L->screen.h) by = y - h - T * 0.4f;
  if (by < 0) by = 0;
  draw_rect box = {bx, by, w, h};
  draw_fill(c, box, th->text);
  draw_text_fit(c, bx + pad, by + pad * 0.6f, w - 2 * pad, text, DRAW_FONT_UI, px, th->bg);
}

/* ---- The screen ---------------------------------------------------------------------------
 */

static void draw_timeline(const draw_ctx *c, const view_screen_layout *L,
                          const view_screen_model *m, view_screen_out *out) {
  const view_theme *th = c->theme;
  draw_rect r = L->panel[VIEW_PANEL_TIMELINE];
  float T = L->T;
  if (!m->tl || view_timeline_run_count(m->tl) == 0) {
    view_pctx p = {c, T, m->lang, m->vs, NULL};
    view_panel_frame(&p, r, view_str(m->lang, VIEW_S_TIMELINE));
    return;
  }
  view_tl_opts o = {.lang = m->lang,
                    .from = m->tl_from,
                    .to = m->tl_to,
                    .has_playhead = m->play != NULL,
                    .playhead = m->play ? m->play->t : 0,
                    .cut = true,
                    .text_px = T * 0.9f};
  draw_clip_push(c, r);
  view_tl_layout Lt;
  int rc = view_timeline_draw(m->tl, c, r, &o, &Lt, NULL);
  draw_stroke(c, r, 1.0f / c->scale, th->border);
  /* The run whose panels are shown gets a bar beside its rows. */
  if (rc == 0 && m->play && Lt.nruns > 1 && m->play->run < Lt.nruns) {
    const view_tl_run_layout *R = &Lt.run[m->play->run];
    float top = R->header.h > 0 ? R->header.y : R->rows.y;
    draw_fill(c, (draw_rect){r.x + T * 0.25f, top, T * 0.3f, R->rows.y + R->rows.h - top},
              th->playhead);
  }
  draw_clip_pop(c);
  if (out) {
    out->tl = Lt;
    out->tl_ok = rc == 0;
  }
}

/* One wrapped piece of an error line (view_wrap's callback). */
typedef struct err_pen {
  const draw_ctx *c;
  float x, y, w, px, lh, bottom;
} err_pen;

static void err_piece(void *ud, const char *s, size_t n) {
  err_pen *p = ud;
  char buf[512];
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, s, n);
  buf[n] = 0;
  if (p->y + p->lh <= p->bottom + 0.01f)
    draw_text_fit(p->c, p->x, p->y, p->w, buf, DRAW_FONT_CODE, p->px, p->c->theme->error);
  p->y += p->lh;
}

static void draw_error(const draw_ctx *c, const view_screen_layout *L,
                       const view_screen_model *m, draw_rect r) {
  const view_theme *th = c->theme;
  view_pctx p = {c, L->T, m->lang, m->vs, m->snap};
  draw_rect body = view_panel_frame(&p, r, view_str(m->lang, VIEW_S_LESSON_ERROR));
  draw_fill(c, (draw_rect){r.x, r.y, L->T * 0.3f, r.h}, th->error);
  draw_clip_push(c, body);
  float px = L->T * 0.85f, lh = line_h(c, DRAW_FONT_CODE, px) * 1.1f;
  /* Line by line, a long one (the message) wrapped, keeping each line's indentation. */
  const char *s = m->error;
  err_pen pen = {c, body.x, body.y, body.w, px, lh, body.y + body.h};
  char buf[512];
  while (*s && pen.y + lh <= pen.bottom + 0.01f) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    size_t lead = 0;
    for (char *q = buf; *q; q++)
      if (*q == '\t') *q = ' ';
    while (buf[lead] == ' ') lead++;
    float indent = lead ? draw_measure(c, "    ", DRAW_FONT_CODE, px).w * (float)lead / 4 : 0;
    pen.x = body.x + indent;
    pen.w = body.w - indent;
    if (buf[lead] == 0)
      pen.y += lh; /* an empty line keeps its place */
    else
      view_wrap(c, buf + lead, DRAW_FONT_CODE, px, pen.w, err_piece, &pen);
    if (!e) break;
    s = e + 1;
  }
  draw_clip_pop(c);
}

/* An exercise's goal and verdict in a strip over the top of r; returns what is left of r. */
static draw_rect draw_exercise(const draw_ctx *c, const view_screen_layout *L,
                               const view_screen_model *m, draw_rect r) {
  const view_theme *th = c->theme;
  float T = L->T, pad = T * 0.5f, px = T * 0.92f;
  float lh = line_h(c, DRAW_FONT_UI, px) * 1.2f;
  float h = pad * 2 + lh * 2;
  if (h > r.h * 0.6f) return r;
  draw_rect s = {r.x, r.y, r.w, h};
  draw_color col = m->verdict_ok ? th->ok : th->error;
  draw_fill(c, s, th->panel);
  draw_stroke(c, s, 1.0f / c->scale, th->border);
  draw_fill(c, (draw_rect){s.x, s.y, T * 0.3f, s.h}, col);
  float x = s.x + pad + T * 0.3f, w = s.w - 2 * pad - T * 0.3f, y = s.y + pad;
  const char *label = m->lang == VIEW_LANG_KO ? "연습: " : "Exercise: ";
  float lw = draw_text(c, x, y, label, DRAW_FONT_BOLD, px, th->text);
  draw_text_fit(c, x + lw, y, w - lw, m->goal ? m->goal : "", DRAW_FONT_UI, px, th->text);
  y += lh;
  /* The mark is drawn, not a glyph: the fonts have neither check nor cross. */
  const char *v = m->verdict ? m->verdict : "";
  if (!strncmp(v, "✓ ", 4) || !strncmp(v, "✗ ", 4)) v += 4;
  float k = px * 0.8f, my = y + (lh / 1.2f - k) / 2, lw2 = T * 0.16f;
  if (m->verdict_ok) {
    draw_line(c, x, my + k * 0.55f, x + k * 0.38f, my + k * 0.9f, lw2, col);
    draw_line(c, x + k * 0.38f, my + k * 0.9f, x + k, my + k * 0.1f, lw2, col);
  } else {
    draw_line(c, x + k * 0.1f, my + k * 0.1f, x + k * 0.9f, my + k * 0.9f, lw2, col);
    draw_line(c, x + k * 0.9f, my + k * 0.1f, x + k * 0.1f, my + k * 0.9f, lw2, col);
  }
  draw_text_fit(c, x + k + T * 0.4f, y, w - k - T * 0.4f, v, DRAW_FONT_BOLD, px, col);
  float gap = T * 0.25f;
  return (draw_rect){r.x, r.y + h + gap, r.w, r.h - h - gap};
}

/* Fills what no panel covers: band by band between the panels' top and bottom edges. Panels
   paint their own backgrounds, and on a software rasteriser a second full-screen fill under
   them costs more than everything the panels draw. */
static void fill_gaps(const draw_ctx *c, const view_screen_layout *L, draw_color col) {
  /* A unit past the right and bottom edges: a fractional scale leaves part of a pixel there. */
  draw_rect scr = {L->screen.x, L->screen.y, L->screen.w + 1, L->screen.h + 1};
  float ys[2 * VIEW_PANEL__COUNT + 2];
  int ny = 0;
  ys[ny++] = scr.y;
  ys[ny++] = scr.y + scr.h;
  for (int p = 0; p < VIEW_PANEL__COUNT; p++) {
    ys[ny++] = L->panel[p].y;
    ys[ny++] = L->panel[p].y + L->panel[p].h;
  }
  for (int i = 1; i < ny; i++) /* insertion sort: a score of values */
    for (int j = i; j > 0 && ys[j] < ys[j - 1]; j--) {
      float t = ys[j];
      ys[j] = ys[j - 1];
      ys[j - 1] = t;
    }
  for (int i = 0; i + 1 < ny; i++) {
    float y0 = ys[i], y1 = ys[i + 1];
    if (y1 <= y0) continue;
    /* The panels crossing this band, left to right. */
    float xs[VIEW_PANEL__COUNT][2];
    int nx = 0;
    for (int p = 0; p < VIEW_PANEL__COUNT; p++) {
      draw_rect r = L->panel[p];
      if (r.y <= y0 && r.y + r.h >= y1) {
        int k = nx++;
        while (k > 0 && xs[k - 1][0] > r.x) {
          xs[k][0] = xs[k - 1][0];
          xs[k][1] = xs[k - 1][1];
          k--;
        }
        xs[k][0] = r.x;
        xs[k][1] = r.x + r.w;
      }
    }
    float x = scr.x;
    for (int k = 0; k < nx; k++) {
      if (xs[k][0] > x) draw_fill(c, (draw_rect){x, y0, xs[k][0] - x, y1 - y0}, col);
      if (xs[k][1] > x) x = xs[k][1];
    }
    if (x < scr.x + scr.w) draw_fill(c, (draw_rect){x, y0, scr.x + scr.w - x, y1 - y0}, col);
  }
}

void view_screen_draw(const draw_ctx *c, const view_screen_layout *L,
                      const view_screen_model *m, view_screen_out *out) {
  const view_theme *th = c->theme;
  view_screen_out obuf;
  if (!out) out = &obuf;
  memset(out, 0, sizeof *out);
  fill_gaps(c, L, th->bg);
  view_pctx p = {c, L->T, m->lang, m->vs, m->snap};

  draw_top(c, L, m, out);

  /* The code, following the running line unless the caller scrolls it. */
  char title[320];
  snprintf(title, sizeof title, "%s%s%s", view_str(m->lang, VIEW_S_CODE),
           m->file && *m->file ? " · " : "", m->file ? m->file : "");
  draw_rect code = L->panel[VIEW_PANEL_CODE];
  int first = m->code_first;
  if (first < 1 && m->code_track && m->snap && m->vs)
    first = view_code_track_first(m->code_track, m->vs, m->snap->run, m->snap->at,
                                  view_code_fit(&p, code), view_code_lines(m->code));
  if (first < 1) {
    int focus = m->error_line > 0 && !m->snap ? m->error_line : view_code_focus(m->snap);
    first = view_code_scroll(0, focus, view_code_fit(&p, code), view_code_lines(m->code));
  }
  view_code_draw(&p, code, title, m->code, first, m->error_line, &out->code);

  view_queue_draw_moving(&p, L->panel[VIEW_PANEL_QUEUE], m->queue_slide, m->queue_enter);
  view_tasks_draw_hits(&p, L->panel[VIEW_PANEL_TASKS], &out->hits);
  view_timers_draw_hits(&p, L->panel[VIEW_PANEL_TIMERS], &out->hits);
  view_futures_draw_hits(&p, L->panel[VIEW_PANEL_FUTURES], &out->hits);
  view_console_draw(&p, L->panel[VIEW_PANEL_CONSOLE]);
  draw_timeline(c, L, m, out);
  draw_rect explain = L->panel[VIEW_PANEL_EXPLAIN];
  if (m->verdict) {
    draw_rect rest = draw_exercise(c, L, m, explain);
    if (rest.h < explain.h) /* the gap between the strip and the panel */
      draw_fill(c, (draw_rect){explain.x, rest.y - L->T * 0.25f, explain.w, L->T * 0.25f},
                th->bg);
    explain = rest;
  }
  if (m->error && *m->error)
    draw_error(c, L, m, explain);
  else
    out->explain_lines = view_explain_draw(&p, explain, m->explain, m->explain_scroll);
  draw_status(c, L, m);

  /* Over the panels: what each waiting task awaits, then the breakpoints. */
  view_arrow arrows[VIEW_HITS_MAX];
  size_t na = view_links_arrows(m->vs, m->snap, &out->hits, arrows, VIEW_HITS_MAX);
  if (na > VIEW_HITS_MAX) na = VIEW_HITS_MAX;
  out->narrows = na;
  out->nhot = 0;
  for (size_t i = 0; i < na; i++) out->nhot += arrows[i].hot != 0;
  view_links_draw(c, L->T, L->screen, arrows, na, m->arrow_pulse);
  if (m->bp)
    view_bp_draw(c, L->T, m->bp, &out->hits, out->code.body, out->code.line_h, out->code.first,
                 out->code.shown);
  if (m->predict) {
    draw_rect top = L->panel[VIEW_PANEL_TOP], st = L->panel[VIEW_PANEL_STATUS];
    draw_rect area = {L->screen.x, top.y + top.h, L->screen.w, st.y - (top.y + top.h)};
    view_predict_draw(c, area, L->T, m->predict, m->lang, &out->predict);
  }

  if (m->toast && *m->toast) {
    draw_rect st = L->panel[VIEW_PANEL_STATUS];
    draw_bubble(c, L, m->toast, st.x + st.w, st.y, true);
  }
  if (m->tip && *m->tip) draw_bubble(c, L, m->tip, m->tip_x, m->tip_y, false);
  if (m->help) draw_help(c, L, m->lang);
}

/* view_panels.c -- the window's panels: each reads one snapshot and draws in its rectangle,
 * clipped, through draw.h only (so the window, `shot` and tests draw the same pixels). */
#include "view_panels.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loop.h"
#include "view_theme.h"
#include "view_timeline.h"

#define K_TITLE 0.85f /* panel titles */
#define K_SMALL 0.8f  /* second lines, tags */
#define K_CODE 0.92f  /* source text */

static float line_h(const draw_ctx *c, draw_font f, float px) {
  return draw_measure(c, "", f, px).h;
}

draw_color view_state_color(const view_theme *th, view_task_state st) {
  switch (st) {
  case VIEW_TS_RUNNING:
    return th->running;
  case VIEW_TS_READY:
    return th->ready;
  case VIEW_TS_WAITING:
    return th->waiting;
  case VIEW_TS_DONE:
    return th->done;
  case VIEW_TS_FAILED:
    return th->error;
  case VIEW_TS_CANCELLED:
    return th->cancelled;
  default:
    return th->text_dim;
  }
}

draw_rect view_panel_frame(const view_pctx *p, draw_rect r, const char *title) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  draw_fill(c, r, th->panel);
  draw_stroke(c, r, 1.0f / c->scale, th->border);
  float pad = p->T * 0.5f;
  float th_h = title && *title ? line_h(c, DRAW_FONT_BOLD, p->T * K_TITLE) : 0;
  if (th_h > 0)
    draw_text_fit(c, r.x + pad, r.y + pad * 0.6f, r.w - 2 * pad, title, DRAW_FONT_BOLD,
                  p->T * K_TITLE, th->text_dim);
  float top = th_h > 0 ? pad * 0.6f + th_h + pad * 0.4f : pad;
  draw_rect body = {r.x + pad, r.y + top, r.w - 2 * pad, r.h - top - pad};
  if (body.w < 0) body.w = 0;
  if (body.h < 0) body.h = 0;
  return body;
}

void view_triangle(const draw_ctx *c, draw_rect r, int dir, draw_color col) {
  /* One strip per device pixel row: draw.h has rectangles, not polygons. */
  int rows = (int)ceilf(r.h * c->scale);
  if (rows < 1) return;
  float step = r.h / (float)rows;
  for (int i = 0; i < rows; i++) {
    float y = r.y + step * (float)i;
    float mid = fabsf((y + step / 2) - (r.y + r.h / 2)) / (r.h / 2); /* 0 centre .. 1 edge */
    float w = r.w * (1.0f - mid);
    if (w <= 0) continue;
    draw_fill(c, (draw_rect){dir > 0 ? r.x : r.x + r.w - w, y, w, step}, col);
  }
}

/* A small square in a task's colour; hollow when the task has not started. */
static void task_square(const draw_ctx *c, float x, float y, float m, ls_id task, bool hollow) {
  draw_color col = view_theme_task(c->theme, task);
  if (hollow)
    draw_stroke(c, (draw_rect){x, y, m, m}, fmaxf(1.0f / c->scale, m * 0.18f), col);
  else
    draw_fill(c, (draw_rect){x, y, m, m}, col);
}

/* ---- Wrapping -----------------------------------------------------------------------------
 */

typedef struct wrap_buf {
  char *s;
  size_t n, cap;
} wrap_buf;

static int wb_add(wrap_buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->n + n + 1)
      cap *= 2;
    char *q = realloc(b->s, cap);
    if (!q) return -1;
    b->s = q;
    b->cap = cap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
  return 0;
}

/* A line that stands on its own: indented, or a bullet ("- ", "* ", "• ", "1. "). */
static bool list_item(const char *s) {
  if (*s == ' ' || *s == '\t') return true;
  if ((s[0] == '-' || s[0] == '*') && s[1] == ' ') return true;
  if (!strncmp(s, "\xe2\x80\xa2", 3)) return true; /* U+2022 */
  const char *p = s;
  while (*p >= '0' && *p <= '9')
    p++;
  return p > s && (*p == '.' || *p == ')') && p[1] == ' ';
}

/* Wraps one paragraph (no newlines) into maxw. */
static int wrap_para(const draw_ctx *c, const char *s, size_t n, draw_font f, float px,
                     float maxw, view_wrap_fn line, void *ud) {
  int lines = 0;
  char buf[1024];
  while (n > 0) {
    /* The longest prefix that fits, cut at a space when there is one. */
    size_t take = n < sizeof buf - 1 ? n : sizeof buf - 1;
    memcpy(buf, s, take);
    buf[take] = 0;
    if (draw_measure(c, buf, f, px).w > maxw) {
      size_t lo = 0, hi = take; /* bytes that fit, at character boundaries */
      while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid > lo && ((unsigned char)s[mid] & 0xC0) == 0x80)
          mid--;
        if (mid == lo) {
          mid = lo + 1;
          while (mid < hi && ((unsigned char)s[mid] & 0xC0) == 0x80)
            mid++;
        }
        memcpy(buf, s, mid);
        buf[mid] = 0;
        if (draw_measure(c, buf, f, px).w <= maxw)
          lo = mid;
        else
          hi = mid - 1;
        while (hi > lo && hi < take && ((unsigned char)s[hi] & 0xC0) == 0x80)
          hi--;
      }
      size_t cut = lo;
      for (size_t k = lo; k > 0; k--)
        if (s[k] == ' ') {
          cut = k;
          break;
        }
      if (cut == 0) { /* one word wider than the line: cut it at a character */
        cut = lo;
        if (cut == 0) {
          cut = 1;
          while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut++;
        }
      }
      take = cut;
    }
    if (line) line(ud, s, take);
    lines++;
    s += take;
    n -= take;
    while (n > 0 && *s == ' ')
      s++, n--;
  }
  return lines;
}

int view_wrap(const draw_ctx *c, const char *text, draw_font f, float px, float maxw,
              view_wrap_fn line, void *ud) {
  if (!text || maxw <= 0) return 0;
  int lines = 0;
  wrap_buf para = {0};
  const char *s = text;
  bool blank_pending = false;
  while (*s) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    /* Trim the source's indentation and trailing spaces. */
    const char *a = s;
    size_t m = n;
    while (m > 0 && (*a == ' ' || *a == '\t'))
      a++, m--;
    while (m > 0 && (a[m - 1] == ' ' || a[m - 1] == '\t' || a[m - 1] == '\r'))
      m--;
    bool item = list_item(s);
    if (m == 0 || item) { /* a paragraph ends */
      if (para.n) {
        lines += wrap_para(c, para.s, para.n, f, px, maxw, line, ud);
        para.n = 0;
        blank_pending = true;
      }
      if (m == 0 && blank_pending) {
        if (line) line(ud, "", 0);
        lines++;
        blank_pending = false;
      }
    }
    /* A line that ends a sentence ends its line too: lesson authors break lines there. */
    if (m > 0 && para.n && strchr(".!?:", para.s[para.n - 1])) {
      lines += wrap_para(c, para.s, para.n, f, px, maxw, line, ud);
      para.n = 0;
    }
    if (m > 0 && item) {
      /* An item is its own paragraph, indented a little when the source indents it. */
      if (a != s) wb_add(&para, "  ", 2);
      wb_add(&para, a, m);
      lines += wrap_para(c, para.s, para.n, f, px, maxw, line, ud);
      para.n = 0;
      blank_pending = true;
    } else if (m > 0) {
      if (para.n) wb_add(&para, " ", 1);
      wb_add(&para, a, m);
      blank_pending = false;
    }
    if (!e) break;
    s = e + 1;
  }
  if (para.n) lines += wrap_para(c, para.s, para.n, f, px, maxw, line, ud);
  free(para.s);
  return lines;
}

/* ---- Code ---------------------------------------------------------------------------------
 */

struct view_code {
  char *src;
  size_t len;
  size_t *start; /* byte offset of each line; [n] = len + 1 */
  int *state; /* lexer state at each line's start: 0, +(1 + level) string, -(1 + level) comment
               */
  int n;
};

/* "[" "="* "[" at s: the level, or -1. */
static int long_open(const char *s, size_t n) {
  if (n < 2 || s[0] != '[') return -1;
  size_t i = 1;
  while (i < n && s[i] == '=')
    i++;
  return i < n && s[i] == '[' ? (int)(i - 1) : -1;
}

/* Where "]" "="*level "]" ends in s, or 0 when it does not close here. */
static size_t long_close(const char *s, size_t n, int level) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] != ']') continue;
    size_t j = i + 1;
    int k = 0;
    while (j < n && s[j] == '=' && k < level)
      j++, k++;
    if (k == level && j < n && s[j] == ']') return j + 1;
  }
  return 0;
}

static bool word_in(const char *s, size_t n, const char *const *list, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (strlen(list[i]) == n && !memcmp(list[i], s, n)) return true;
  return false;
}

static const char *const keywords[] = {"and",   "break", "do",       "else", "elseif", "end",
                                       "false", "for",   "function", "goto", "if",     "in",
                                       "local", "nil",   "not",      "or",   "repeat", "return",
                                       "then",  "true",  "until",    "while"};
static const char *const builtins[] = {
    "async", "await", "print",  "asyncio", "time",     "lesson",   "string",    "table", "math",
    "pcall", "error", "ipairs", "pairs",   "tostring", "aiofiles", "coroutine", "self"};

/* Classifies one line from state `st`; returns the state the next line starts in. */
static int lex_line(const char *s, size_t n, int st, uint8_t *out, size_t cap) {
#define MARK(a, b, cls)                                                                        \
  for (size_t q_ = (a); q_ < (b) && q_ < cap; q_++)                                            \
  out[q_] = (uint8_t)(cls)
  size_t i = 0;
  if (st != 0) {
    int level = abs(st) - 1;
    uint8_t cls = st > 0 ? VIEW_TOK_STRING : VIEW_TOK_COMMENT;
    size_t e = long_close(s, n, level);
    if (!e) {
      MARK(0, n, cls);
      return st;
    }
    MARK(0, e, cls);
    i = e;
    st = 0;
  }
  while (i < n) {
    char ch = s[i];
    if (ch == '-' && i + 1 < n && s[i + 1] == '-') {
      int level = long_open(s + i + 2, n - i - 2);
      if (level >= 0) {
        size_t body = i + 2 + (size_t)level + 2;
        size_t e = long_close(s + body, n - body, level);
        if (!e) {
          MARK(i, n, VIEW_TOK_COMMENT);
          return -(1 + level);
        }
        MARK(i, body + e, VIEW_TOK_COMMENT);
        i = body + e;
        continue;
      }
      MARK(i, n, VIEW_TOK_COMMENT);
      return 0;
    }
    if (ch == '"' || ch == '\'') {
      size_t j = i + 1;
      while (j < n && s[j] != ch) {
        if (s[j] == '\\') j++;
        j++;
      }
      if (j < n) j++;
      if (j > n) j = n;
      MARK(i, j, VIEW_TOK_STRING);
      i = j;
      continue;
    }
    if (ch == '[') {
      int level = long_open(s + i, n - i);
      if (level >= 0) {
        size_t body = i + (size_t)level + 2;
        size_t e = long_close(s + body, n - body, level);
        if (!e) {
          MARK(i, n, VIEW_TOK_STRING);
          return 1 + level;
        }
        MARK(i, body + e, VIEW_TOK_STRING);
        i = body + e;
        continue;
      }
    }
    if (isdigit((unsigned char)ch) ||
        (ch == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1]))) {
      size_t j = i;
      while (j < n &&
             (isalnum((unsigned char)s[j]) || s[j] == '.' ||
              ((s[j] == '+' || s[j] == '-') && j > i && strchr("eEpP", s[j - 1]) != NULL)))
        j++;
      MARK(i, j, VIEW_TOK_NUMBER);
      i = j;
      continue;
    }
    if (isalpha((unsigned char)ch) || ch == '_') {
      size_t j = i;
      while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_'))
        j++;
      uint8_t cls = word_in(s + i, j - i, keywords, sizeof keywords / sizeof *keywords)
                        ? VIEW_TOK_KEYWORD
                    : word_in(s + i, j - i, builtins, sizeof builtins / sizeof *builtins)
                        ? VIEW_TOK_BUILTIN
                        : VIEW_TOK_PLAIN;
      /* A field (x.time, t:print) is not the builtin. */
      if (cls == VIEW_TOK_BUILTIN && i > 0 && (s[i - 1] == '.' || s[i - 1] == ':'))
        cls = VIEW_TOK_PLAIN;
      MARK(i, j, cls);
      i = j;
      continue;
    }
    MARK(i, i + 1, VIEW_TOK_PLAIN);
    i++;
  }
  return st;
#undef MARK
}

view_code *view_code_new(const char *src, size_t len) {
  view_code *vc = calloc(1, sizeof *vc);
  if (!vc) return NULL;
  vc->src = malloc(len + 1);
  if (!vc->src) goto fail;
  memcpy(vc->src, src ? src : "", len);
  vc->src[len] = 0;
  vc->len = len;
  int n = 1;
  for (size_t i = 0; i < len; i++)
    if (vc->src[i] == '\n' && i + 1 < len) n++;
  if (len == 0) n = 0;
  vc->n = n;
  vc->start = malloc(((size_t)n + 1) * sizeof *vc->start);
  vc->state = malloc(((size_t)n + 1) * sizeof *vc->state);
  if (!vc->start || !vc->state) goto fail;
  int k = 0;
  if (n) vc->start[k++] = 0;
  for (size_t i = 0; i < len && k < n; i++)
    if (vc->src[i] == '\n') vc->start[k++] = i + 1;
  vc->start[n] = len + 1;
  int st = 0;
  uint8_t scratch[1];
  for (int i = 0; i < n; i++) {
    vc->state[i] = st;
    size_t ln;
    const char *s = view_code_line(vc, i + 1, &ln);
    st = lex_line(s, ln, st, scratch, 0);
  }
  vc->state[n] = st;
  return vc;
fail:
  view_code_free(vc);
  return NULL;
}

void view_code_free(view_code *vc) {
  if (!vc) return;
  free(vc->src);
  free(vc->start);
  free(vc->state);
  free(vc);
}

int view_code_lines(const view_code *vc) {
  return vc ? vc->n : 0;
}

const char *view_code_line(const view_code *vc, int n, size_t *len) {
  if (!vc || n < 1 || n > vc->n) {
    if (len) *len = 0;
    return "";
  }
  size_t a = vc->start[n - 1], b = vc->start[n] - 1;
  if (b > vc->len) b = vc->len;
  if (b > a && vc->src[b - 1] == '\r') b--;
  if (len) *len = b - a;
  return vc->src + a;
}

size_t view_code_classify(const view_code *vc, int n, uint8_t *out, size_t cap) {
  size_t len;
  const char *s = view_code_line(vc, n, &len);
  if (n < 1 || !vc || n > vc->n) return 0;
  memset(out, 0, len < cap ? len : cap);
  lex_line(s, len, vc->state[n - 1], out, cap);
  return len;
}

static float code_px(const view_pctx *p) {
  return p->T * K_CODE;
}

static float code_line_h(const view_pctx *p) {
  return roundf(line_h(p->c, DRAW_FONT_CODE, code_px(p)) * 1.08f * 4) / 4;
}

static draw_rect code_body(const view_pctx *p, draw_rect r) {
  /* The frame's body without drawing it: the same arithmetic as view_panel_frame. */
  float pad = p->T * 0.5f;
  float th_h = line_h(p->c, DRAW_FONT_BOLD, p->T * K_TITLE);
  float top = pad * 0.6f + th_h + pad * 0.4f;
  return (draw_rect){r.x + pad, r.y + top, r.w - 2 * pad, r.h - top - pad};
}

int view_code_fit(const view_pctx *p, draw_rect r) {
  draw_rect b = code_body(p, r);
  float lh = code_line_h(p);
  return b.h > 0 && lh > 0 ? (int)(b.h / lh) : 0;
}

int view_code_scroll(int first, int focus, int shown, int nlines) {
  if (shown < 1) return 1;
  int max_first = nlines - shown + 1;
  if (max_first < 1) max_first = 1;
  if (first < 1) {
    first = focus > 0 ? focus - shown / 3 : 1;
  } else if (focus > 0) {
    int margin = shown >= 8 ? 2 : 0;
    if (focus < first + margin)
      first = focus - shown / 3;
    else if (focus > first + shown - 1 - margin)
      first = focus - shown * 2 / 3;
  }
  if (first > max_first) first = max_first;
  if (first < 1) first = 1;
  return first;
}

int view_code_focus(const view_snap *s) {
  if (!s) return 0;
  if (s->running_line > 0) return s->running_line;
  return s->focus_line;
}

struct view_code_track {
  const view_state *vs;
  size_t run, n;
  int shown, nlines;
  int *first; /* [at], at = 0 .. n */
};

view_code_track *view_code_track_new(void) {
  return calloc(1, sizeof(view_code_track));
}

void view_code_track_free(view_code_track *t) {
  if (!t) return;
  free(t->first);
  free(t);
}

int view_code_track_first(view_code_track *t, const view_state *vs, size_t run, size_t at,
                          int shown, int nlines) {
  size_t n = view_state_records(vs, run);
  if (!t->first || t->vs != vs || t->run != run || t->n != n || t->shown != shown ||
      t->nlines != nlines) {
    free(t->first);
    t->first = malloc((n + 1) * sizeof *t->first);
    if (!t->first) {
      t->vs = NULL;
      return 1;
    }
    t->vs = vs, t->run = run, t->n = n, t->shown = shown, t->nlines = nlines;
    t->first[0] = view_code_scroll(0, 0, shown, nlines);
    for (size_t i = 1; i <= n; i++)
      t->first[i] =
          view_code_scroll(t->first[i - 1], view_state_focus(vs, run, i), shown, nlines);
  }
  return t->first[at < n ? at : n];
}

static draw_color tok_color(const view_theme *th, uint8_t cls) {
  switch (cls) {
  case VIEW_TOK_KEYWORD:
    return th->code_keyword;
  case VIEW_TOK_BUILTIN:
    return th->code_builtin;
  case VIEW_TOK_STRING:
    return th->code_string;
  case VIEW_TOK_COMMENT:
    return th->code_comment;
  case VIEW_TOK_NUMBER:
    return th->code_number;
  default:
    return th->text;
  }
}

#define MARKS_PER_LINE 4

void view_code_draw(const view_pctx *p, draw_rect r, const char *title, const view_code *vc,
                    int first, int error_line, view_code_geom *out) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  const view_snap *s = p->s;
  draw_rect body = view_panel_frame(p, r, title);
  float T = p->T, px = code_px(p), lh = code_line_h(p);
  int shown = lh > 0 ? (int)(body.h / lh) : 0;
  int nlines = view_code_lines(vc);
  if (first < 1) first = 1;
  float num_w = draw_measure(c, nlines >= 1000 ? "0000" : "000", DRAW_FONT_CODE, px * 0.85f).w;
  float m = T * 0.55f, gap = T * 0.12f;
  float marker_x = body.x + num_w + T * 0.45f;
  float marker_w = m * 1.1f + (m + gap) * 3 + T * 0.9f;
  float text_x = marker_x + marker_w;
  if (out)
    *out = (view_code_geom){body,
                            lh,
                            text_x,
                            marker_x,
                            marker_w,
                            first,
                            shown < nlines - first + 1 ? shown : nlines - first + 1};
  if (shown <= 0 || !vc) return;
  draw_clip_push(c, body);

  /* Markers for the lines on screen: tasks suspended (or not yet started) there. */
  int nmark[256] = {0};
  ls_id mark[256][MARKS_PER_LINE];
  bool hollow[256][MARKS_PER_LINE];
  int vis = shown < 256 ? shown : 256;
  for (size_t i = 0; s && i < s->ntasks; i++) {
    const view_st_task *k = &s->tasks[i];
    if (k->state != VIEW_TS_WAITING && k->state != VIEW_TS_READY && k->state != VIEW_TS_PENDING)
      continue;
    int at = k->line - first;
    if (k->line < 1 || at < 0 || at >= vis) continue;
    if (nmark[at] < MARKS_PER_LINE) {
      mark[at][nmark[at]] = k->id;
      hollow[at][nmark[at]] = k->state == VIEW_TS_PENDING;
    }
    nmark[at]++;
  }

  uint8_t cls[1024];
  char buf[1100];
  for (int i = 0; i < shown && first + i <= nlines; i++) {
    int ln = first + i;
    float y = body.y + lh * (float)i;
    draw_rect band = {body.x, y, body.w, lh};
    bool running = s && s->running && ln == s->running_line;
    if (ln == error_line)
      draw_fill(c, band, draw_color_mix(th->error, th->panel, 0.78f));
    else if (running)
      draw_fill(c, band,
                draw_color_mix(s->blocked ? th->blocked : view_theme_task(th, s->running),
                               th->panel, 0.78f));
    char nb[16];
    snprintf(nb, sizeof nb, "%d", ln);
    float nw = draw_measure(c, nb, DRAW_FONT_CODE, px * 0.85f).w;
    float ny = y + (lh - line_h(c, DRAW_FONT_CODE, px * 0.85f)) / 2;
    draw_text(c, body.x + num_w - nw, ny, nb, DRAW_FONT_CODE, px * 0.85f, th->text_dim);
    /* The running task's arrow, then squares for the tasks suspended here. */
    float mx = marker_x, my = y + (lh - m) / 2;
    if (running) {
      view_triangle(c, (draw_rect){mx, y + (lh - m * 1.1f) / 2, m * 1.1f, m * 1.1f}, 1,
                    view_theme_task(th, s->running));
    }
    mx += m * 1.1f + gap;
    if (i < vis) {
      /* Up to three squares; more than that, the first and a count, kept in the column. */
      int nm = nmark[i] < MARKS_PER_LINE ? nmark[i] : MARKS_PER_LINE;
      int draw_n = nmark[i] > 3 ? 1 : nm;
      for (int k = 0; k < draw_n; k++) {
        task_square(c, mx, my, m, mark[i][k], hollow[i][k]);
        mx += m + gap;
      }
      if (nmark[i] > 3) {
        char more[16];
        snprintf(more, sizeof more, "+%d", nmark[i] - 1);
        float mpx = T * 0.6f;
        draw_text_fit(c, mx, y + (lh - line_h(c, DRAW_FONT_UI, mpx)) / 2,
                      marker_x + marker_w - mx - T * 0.1f, more, DRAW_FONT_UI, mpx,
                      th->text_dim);
      }
    }
    /* The source, one run of bytes per syntax class; tabs as two spaces. */
    size_t len;
    const char *src = view_code_line(vc, ln, &len);
    if (len > sizeof cls) len = sizeof cls;
    view_code_classify(vc, ln, cls, sizeof cls);
    float x = text_x, ty = y + (lh - line_h(c, DRAW_FONT_CODE, px)) / 2;
    size_t a = 0;
    while (a < len && x < body.x + body.w) {
      size_t b = a + 1;
      /* Spaces join whatever follows, so a line is a few draws, not one per word. */
      while (b < len && (cls[b] == cls[a] || src[b] == ' '))
        b++;
      size_t k = 0;
      for (size_t q = a; q < b && k + 2 < sizeof buf; q++) {
        if (src[q] == '\t') {
          buf[k++] = ' ';
          buf[k++] = ' ';
        } else {
          buf[k++] = src[q];
        }
      }
      buf[k] = 0;
      x += draw_text(c, x, ty, buf, DRAW_FONT_CODE, px, tok_color(th, cls[a]));
      a = b;
    }
  }
  draw_clip_pop(c);
}

/* ---- Ready queue --------------------------------------------------------------------------
 */

static const char *task_label(const view_pctx *p, ls_id id, char *b, size_t cap) {
  const char *n = view_state_task_name(p->vs, p->s->run, id);
  if (*n) return n;
  snprintf(b, cap, "#%u", (unsigned)id);
  return b;
}

static void empty_note(const view_pctx *p, draw_rect body) {
  draw_text_fit(p->c, body.x, body.y, body.w, view_str(p->lang, VIEW_S_EMPTY), DRAW_FONT_UI,
                p->T * 0.9f, p->c->theme->text_dim);
}

/* A panel listing one line of text per item: draws its frame, and either the empty note
 * (returns 0) or pushes the body's clip and gives the line size, height and row count. */
static int list_begin(const view_pctx *p, draw_rect r, view_str_id title, size_t count,
                      draw_rect *body, float *px, float *lh, size_t *rows) {
  *body = view_panel_frame(p, r, view_str(p->lang, title));
  if (count == 0) {
    empty_note(p, *body);
    return 0;
  }
  draw_clip_push(p->c, *body);
  *px = p->T * 0.85f;
  *lh = line_h(p->c, DRAW_FONT_UI, *px) * 1.12f;
  *rows = (size_t)(body->h / *lh);
  if (*rows < 1) *rows = 1;
  return 1;
}

void view_queue_draw(const view_pctx *p, draw_rect r) {
  view_queue_draw_moving(p, r, 0, 0);
}

void view_queue_draw_moving(const view_pctx *p, draw_rect r, float slide, float enter) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  draw_rect body = view_panel_frame(p, r, view_str(p->lang, VIEW_S_QUEUE));
  const view_snap *s = p->s;
  if (!s || s->nqueue == 0) {
    empty_note(p, body);
    return;
  }
  draw_clip_push(c, body);
  float T = p->T, gap = T * 0.35f;
  float l1 = line_h(c, DRAW_FONT_BOLD, T * 0.85f), l2 = line_h(c, DRAW_FONT_UI, T * 0.7f);
  float h = fminf(body.h, l1 + l2 + T * 0.3f);
  float chip_w = T * 7.0f;
  float more_w = T * 4.5f;
  size_t fit = (size_t)((body.w + gap) / (chip_w + gap));
  if (fit < 1) fit = 1;
  size_t n = s->nqueue;
  if (n > fit)
    fit = fit > 1 ? fit - 1 : 1; /* room for "+N" */
  else
    fit = n;
  if ((float)fit * (chip_w + gap) + more_w > body.w && n > fit && fit > 1) fit--;
  float pitch = chip_w + gap;
  float x = body.x + pitch * slide;
  char b[96], nb[48];
  for (size_t i = 0; i < fit; i++) {
    const view_st_item *it = &s->queue[i];
    bool is_task = it->kind == LS_H_STEP || it->kind == LS_H_WAKEUP;
    draw_color col = is_task ? view_theme_task(th, it->task) : th->text_dim;
    float dx = i + 1 == n && enter > 0 ? pitch * enter : 0;
    draw_rect chip = {x + dx, body.y, chip_w, h};
    draw_fill(c, chip, draw_color_mix(col, th->panel, 0.82f));
    draw_fill(c, (draw_rect){chip.x, chip.y, T * 0.3f, chip.h}, col);
    if (i == 0) draw_stroke(c, chip, fmaxf(1.0f / c->scale, T * 0.12f), col);
    const char *name, *kind;
    switch (it->kind) {
    case LS_H_STEP: {
      name = task_label(p, it->task, nb, sizeof nb);
      const view_st_task *k = view_snap_task(s, it->task);
      kind =
          view_str(p->lang, k && k->state == VIEW_TS_PENDING ? VIEW_S_START_TASK : VIEW_S_STEP);
      break;
    }
    case LS_H_WAKEUP:
      name = task_label(p, it->task, nb, sizeof nb);
      kind = view_str(p->lang, VIEW_S_WAKEUP);
      break;
    case LS_H_TIMER:
      snprintf(nb, sizeof nb, "%u", (unsigned)it->obj);
      snprintf(b, sizeof b, view_str(p->lang, VIEW_S_TIMER), nb);
      name = b;
      kind = view_str(p->lang, VIEW_S_CALLBACK);
      break;
    default:
      name = *it->label ? it->label : view_str(p->lang, VIEW_S_CALLBACK);
      kind = view_str(p->lang, VIEW_S_CALLBACK);
      break;
    }
    float tx = chip.x + T * 0.5f, tw = chip.w - T * 0.7f;
    draw_text_fit(c, tx, chip.y + T * 0.12f, tw, name, DRAW_FONT_BOLD, T * 0.85f, th->text);
    draw_text_fit(c, tx, chip.y + T * 0.12f + l1, tw, kind, DRAW_FONT_UI, T * 0.7f,
                  th->text_dim);
    x += chip_w + gap;
  }
  if (n > fit) {
    snprintf(nb, sizeof nb, "%zu", n - fit);
    snprintf(b, sizeof b, view_str(p->lang, VIEW_S_MORE_TASKS), nb);
    draw_text_fit(c, x, body.y + (h - l1) / 2, body.x + body.w - x, b, DRAW_FONT_BOLD,
                  T * 0.85f, th->text_dim);
  }
  draw_clip_pop(c);
}

/* ---- Task cards ---------------------------------------------------------------------------
 */

static int state_rank(uint8_t st) {
  static const int rank[VIEW_TS__COUNT] = {
      [VIEW_TS_RUNNING] = 0, [VIEW_TS_READY] = 1,  [VIEW_TS_WAITING] = 2,
      [VIEW_TS_PENDING] = 3, [VIEW_TS_FAILED] = 4, [VIEW_TS_CANCELLED] = 5,
      [VIEW_TS_DONE] = 6};
  return st < VIEW_TS__COUNT ? rank[st] : 6;
}

/* The card's second line: what the task waits on, where, or how it ended. */
static draw_color card_detail(const view_pctx *p, const view_st_task *k, char *b, size_t cap) {
  const view_theme *th = p->c->theme;
  char w[160], tb[32];
  switch (k->state) {
  case VIEW_TS_RUNNING:
    if (k->blocked) {
      view_fmt_time(tb, sizeof tb, k->until, 2, true);
      if (p->lang == VIEW_LANG_KO)
        snprintf(b, cap, "time.sleep: %s까지 · 줄 %d", tb, k->line);
      else
        snprintf(b, cap, "time.sleep until %s · line %d", tb, k->line);
      return th->blocked;
    }
    if (k->line > 0)
      snprintf(b, cap, "%s %d", p->lang == VIEW_LANG_KO ? "줄" : "line", k->line);
    else
      snprintf(b, cap, "%s", view_task_state_name(VIEW_TS_RUNNING, p->lang));
    return th->text;
  case VIEW_TS_WAITING:
  case VIEW_TS_READY:
    view_snap_wait_text(p->s, k, p->lang, w, sizeof w);
    if (k->state == VIEW_TS_READY)
      snprintf(b, cap, "%s %s · %s %d", p->lang == VIEW_LANG_KO ? "깨어남:" : "woken:", w,
               p->lang == VIEW_LANG_KO ? "줄" : "line", k->line);
    else
      snprintf(b, cap, "%s · %s %d", w, p->lang == VIEW_LANG_KO ? "줄" : "line", k->line);
    return th->text;
  case VIEW_TS_PENDING:
    snprintf(b, cap, "%s %d", p->lang == VIEW_LANG_KO ? "줄" : "line", k->line);
    return th->text_dim;
  case VIEW_TS_FAILED:
    snprintf(b, cap, "%s", *k->text ? k->text : view_str(p->lang, VIEW_S_ERROR));
    return th->error;
  case VIEW_TS_CANCELLED:
    snprintf(b, cap, "%s", *k->text ? k->text : "CancelledError");
    return th->cancelled;
  default:
    if (*k->text)
      snprintf(b, cap, "%s %s", p->lang == VIEW_LANG_KO ? "결과:" : "result:", k->text);
    else
      snprintf(b, cap, "%s %d", p->lang == VIEW_LANG_KO ? "줄" : "line", k->line);
    return th->text_dim;
  }
}

void view_tasks_draw(const view_pctx *p, draw_rect r) {
  view_tasks_draw_hits(p, r, NULL);
}

void view_tasks_draw_hits(const view_pctx *p, draw_rect r, view_hits *hits) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  const view_snap *s = p->s;
  char title[64];
  snprintf(title, sizeof title, "%s%s%zu", view_str(p->lang, VIEW_S_TASKS), s ? " · " : "",
           s ? s->ntasks : 0);
  if (!s) snprintf(title, sizeof title, "%s", view_str(p->lang, VIEW_S_TASKS));
  draw_rect body = view_panel_frame(p, r, title);
  if (!s || s->ntasks == 0) {
    empty_note(p, body);
    return;
  }
  float T = p->T, gap = T * 0.35f;
  float l1 = line_h(c, DRAW_FONT_BOLD, T * 0.9f), l2 = line_h(c, DRAW_FONT_UI, T * K_SMALL);
  float card_h = l1 + l2 + T * 0.45f;
  float min_w = T * 13.0f;
  int cols = (int)((body.w + gap) / (min_w + gap));
  if (cols < 1) cols = 1;
  int rows = (int)((body.h + gap) / (card_h + gap));
  if (rows < 1) return;
  float card_w = (body.w - gap * (float)(cols - 1)) / (float)cols;
  size_t cap = (size_t)cols * (size_t)rows;
  size_t n = s->ntasks;
  size_t shown = n <= cap ? n : cap - 1;

  /* Order: running, ready, waiting, pending, then the finished; a counting sort keeps the
     order they were made within each group, and costs O(n) for 1,000 tasks. */
  size_t count[8] = {0}, off[8] = {0};
  for (size_t i = 0; i < n; i++)
    count[state_rank(s->tasks[i].state)]++;
  for (int g = 1; g < 8; g++)
    off[g] = off[g - 1] + count[g - 1];
  size_t *order = malloc(shown ? shown * sizeof *order : 1);
  if (!order) return;
  for (size_t i = 0; i < n; i++) {
    size_t at = off[state_rank(s->tasks[i].state)]++;
    if (at < shown) order[at] = i;
  }
  draw_clip_push(c, body);
  char b[256];
  for (size_t j = 0; j < shown; j++) {
    const view_st_task *k = &s->tasks[order[j]];
    int col = (int)(j % (size_t)cols), row = (int)(j / (size_t)cols);
    draw_rect card = {body.x + (card_w + gap) * (float)col,
                      body.y + (card_h + gap) * (float)row, card_w, card_h};
    if (hits) view_hits_add(hits, 0, k->id, 0, card);
    draw_color tc = view_theme_task(th, k->id);
    bool finished = k->state >= VIEW_TS_DONE;
    draw_fill(c, card, finished ? th->panel : th->bg);
    draw_stroke(c, card, 1.0f / c->scale, th->border);
    if (k->state == VIEW_TS_RUNNING)
      draw_stroke(c, card, fmaxf(1.0f / c->scale, T * 0.14f), k->blocked ? th->blocked : tc);
    draw_fill(c, (draw_rect){card.x, card.y, T * 0.35f, card.h},
              finished ? draw_color_mix(tc, th->panel, 0.5f) : tc);
    float tx = card.x + T * 0.6f, tw = card.w - T * 0.9f;
    /* The state on the right, the name before it. */
    const char *st = view_task_state_name((view_task_state)k->state, p->lang);
    char stb[64];
    if (k->cancelling) {
      snprintf(stb, sizeof stb, "%s · %s", st,
               p->lang == VIEW_LANG_KO ? "취소 요청" : "cancel asked");
      st = stb;
    }
    float sw = draw_measure(c, st, DRAW_FONT_BOLD, T * 0.75f).w;
    if (sw > tw * 0.55f) sw = tw * 0.55f;
    float y1 = card.y + T * 0.2f;
    draw_text_fit(c, card.x + card.w - T * 0.3f - sw,
                  y1 + (l1 - line_h(c, DRAW_FONT_BOLD, T * 0.75f)) / 2, sw, st, DRAW_FONT_BOLD,
                  T * 0.75f,
                  k->blocked ? th->blocked : view_state_color(th, (view_task_state)k->state));
    draw_text_fit(c, tx, y1, tw - sw - T * 0.5f, k->name, DRAW_FONT_BOLD, T * 0.9f,
                  finished ? th->text_dim : th->text);
    draw_color dc = card_detail(p, k, b, sizeof b);
    draw_text_fit(c, tx, y1 + l1, tw, b, DRAW_FONT_UI, T * K_SMALL, dc);
  }
  if (shown < n) {
    /* The last slot sums up the rest by state. */
    size_t j = shown;
    int col = (int)(j % (size_t)cols), row = (int)(j / (size_t)cols);
    draw_rect card = {body.x + (card_w + gap) * (float)col,
                      body.y + (card_h + gap) * (float)row, card_w, card_h};
    size_t rest[VIEW_TS__COUNT] = {0};
    /* Count the hidden ones: every task not among the first `shown` of the order. */
    size_t cnt[8] = {0};
    for (size_t i = 0; i < n; i++)
      cnt[state_rank(s->tasks[i].state)]++;
    size_t left = shown;
    static const uint8_t by_rank[7] = {VIEW_TS_RUNNING, VIEW_TS_READY,  VIEW_TS_WAITING,
                                       VIEW_TS_PENDING, VIEW_TS_FAILED, VIEW_TS_CANCELLED,
                                       VIEW_TS_DONE};
    for (int g = 0; g < 7; g++) {
      size_t take = cnt[g] < left ? cnt[g] : left;
      left -= take;
      rest[by_rank[g]] = cnt[g] - take;
    }
    char nb[32];
    snprintf(nb, sizeof nb, "%zu", n - shown);
    snprintf(b, sizeof b, view_str(p->lang, VIEW_S_MORE_TASKS), nb);
    draw_fill(c, card, th->panel);
    draw_stroke(c, card, 1.0f / c->scale, th->border);
    draw_text_fit(c, card.x + T * 0.5f, card.y + T * 0.2f, card.w - T * 0.8f, b, DRAW_FONT_BOLD,
                  T * 0.9f, th->text_dim);
    char d[200];
    size_t k = 0;
    d[0] = 0;
    for (int g = 0; g < 7; g++) {
      uint8_t st = by_rank[g];
      if (!rest[st] || k >= sizeof d) continue;
      k += (size_t)snprintf(d + k, sizeof d - k, "%s%zu %s", k ? " · " : "", rest[st],
                            view_task_state_name((view_task_state)st, p->lang));
    }
    draw_text_fit(c, card.x + T * 0.5f, card.y + T * 0.2f + l1, card.w - T * 0.8f, d,
                  DRAW_FONT_UI, T * K_SMALL, th->text_dim);
  }
  draw_clip_pop(c);
  free(order);
}

/* ---- Futures ------------------------------------------------------------------------------
 */

void view_futures_draw(const view_pctx *p, draw_rect r) {
  view_futures_draw_hits(p, r, NULL);
}

void view_futures_draw_hits(const view_pctx *p, draw_rect r, view_hits *hits) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  const view_snap *s = p->s;
  draw_rect body;
  float T = p->T, px, lh;
  size_t rows;
  if (!list_begin(p, r, VIEW_S_FUTURES, s ? s->nfutures : 0, &body, &px, &lh, &rows)) return;
  /* Pending first (newest first), then resolved (newest first). */
  size_t n = s->nfutures, drawn = 0;
  char b[256], nb[48], wb[160];
  for (int pass = 0; pass < 2 && drawn < rows; pass++) {
    for (size_t q = n; q-- > 0 && drawn < rows;) {
      const view_st_future *f = &s->futures[q];
      if ((pass == 0) != (f->outcome == 0)) continue;
      bool last_row = drawn + 1 == rows;
      size_t left = 0;
      if (last_row) { /* is anything else still to come? */
        for (int p2 = pass; p2 < 2; p2++)
          for (size_t q2 = (p2 == pass ? q : n); q2-- > 0;)
            if ((p2 == 0) == (s->futures[q2].outcome == 0)) left++;
      }
      float y = body.y + lh * (float)drawn;
      if (last_row && left > 0) {
        snprintf(nb, sizeof nb, "%zu", left + 1);
        snprintf(b, sizeof b, view_str(p->lang, VIEW_S_MORE_TASKS), nb);
        draw_text_fit(c, body.x, y, body.w, b, DRAW_FONT_UI, px, th->text_dim);
        drawn++;
        break;
      }
      if (hits) view_hits_add(hits, 1, f->id, 0, (draw_rect){body.x, y, body.w, lh});
      /* "gather #2" or "Future #5", its state, who waits. */
      snprintf(nb, sizeof nb, "%u", (unsigned)f->id);
      if (f->kind == LS_FK_GATHER)
        snprintf(b, sizeof b, "%s #%u", view_str(p->lang, VIEW_S_GATHER), (unsigned)f->id);
      else
        snprintf(b, sizeof b, view_str(p->lang, VIEW_S_FUTURE), nb);
      draw_color sc = f->outcome == 0                  ? th->waiting
                      : f->outcome == LS_OUT_ERROR     ? th->error
                      : f->outcome == LS_OUT_CANCELLED ? th->cancelled
                                                       : th->done;
      draw_fill(c, (draw_rect){body.x, y + lh * 0.2f, T * 0.3f, lh * 0.6f}, sc);
      float x = body.x + T * 0.55f;
      x += draw_text(c, x, y, b, DRAW_FONT_BOLD, px, th->text) + T * 0.5f;
      const char *st = f->outcome == 0                  ? view_str(p->lang, VIEW_S_FUT_PENDING)
                       : f->outcome == LS_OUT_ERROR     ? view_str(p->lang, VIEW_S_ERROR)
                       : f->outcome == LS_OUT_CANCELLED ? view_str(p->lang, VIEW_S_CANCELLED)
                                                        : view_str(p->lang, VIEW_S_DONE);
      if (f->outcome && *f->text)
        snprintf(wb, sizeof wb, "%s: %s", st, f->text);
      else
        snprintf(wb, sizeof wb, "%s", st);
      float right = body.x + body.w;
      if (f->nwaiters > 0) {
        /* Waiters' squares and the first name, right-aligned. */
        const char *wn = task_label(p, f->waiter[0], nb, sizeof nb);
        char who[96];
        snprintf(who, sizeof who, view_str(p->lang, VIEW_S_WAITED_BY), wn);
        if (f->nwaiters > 1) {
          size_t k = strlen(who);
          snprintf(who + k, sizeof who - k, " +%zu", f->nwaiters - 1);
        }
        float ww = fminf(draw_measure(c, who, DRAW_FONT_UI, px).w, body.w * 0.45f);
        float m = T * 0.55f;
        float wx = right - ww;
        draw_text_fit(c, wx, y, ww, who, DRAW_FONT_UI, px, th->text);
        size_t nsq = f->nwaiters < 4 ? f->nwaiters : 4;
        for (size_t k = 0; k < nsq; k++)
          task_square(c, wx - (m + T * 0.12f) * (float)(k + 1), y + (lh - m) / 2, m,
                      f->waiter[k], false);
        right = wx - (m + T * 0.12f) * (float)nsq - T * 0.4f;
      }
      draw_text_fit(c, x, y, right - x, wb, DRAW_FONT_UI, px, sc);
      drawn++;
    }
  }
  draw_clip_pop(c);
}

/* ---- Timers -------------------------------------------------------------------------------
 */

void view_timers_draw(const view_pctx *p, draw_rect r) {
  view_timers_draw_hits(p, r, NULL);
}

void view_timers_draw_hits(const view_pctx *p, draw_rect r, view_hits *hits) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  const view_snap *s = p->s;
  draw_rect body;
  float T = p->T, px, lh;
  size_t rows;
  if (!list_begin(p, r, VIEW_S_TIMERS, s ? s->ntimers : 0, &body, &px, &lh, &rows)) return;
  size_t n = s->ntimers;
  size_t shown = n <= rows ? n : rows - 1;
  char tb[32], nb[48], b[160];
  float time_w = draw_measure(c, "00.00 s", DRAW_FONT_BOLD, px).w;
  /* The longest wait on screen sets the bars' scale. */
  ls_time span = 1;
  for (size_t i = 0; i < shown; i++)
    if (s->timers[i].when - s->t > span) span = s->timers[i].when - s->t;
  for (size_t i = 0; i < shown; i++) {
    const view_st_timer *m = &s->timers[i];
    float y = body.y + lh * (float)i;
    if (hits) view_hits_add(hits, 2, m->id, m->task, (draw_rect){body.x, y, body.w, lh});
    view_fmt_time(tb, sizeof tb, m->when, 2, true);
    draw_text(c, body.x, y, tb, DRAW_FONT_BOLD, px, th->text);
    float x = body.x + time_w + T * 0.5f;
    draw_color col = m->task ? view_theme_task(th, m->task) : th->text_dim;
    float sq = T * 0.55f;
    draw_fill(c, (draw_rect){x, y + (lh - sq) / 2, sq, sq}, col);
    x += sq + T * 0.35f;
    const char *who =
        m->task ? task_label(p, m->task, nb, sizeof nb) : view_str(p->lang, VIEW_S_CALLBACK);
    ls_time left = m->when - s->t;
    char lb[32];
    view_fmt_time(lb, sizeof lb, left > 0 ? left : 0, 2, true);
    snprintf(b, sizeof b, "%s · %s %s", who, p->lang == VIEW_LANG_KO ? "남은 시간" : "in", lb);
    /* A bar for the time left, under the text's right part. */
    float bar_x = body.x + body.w * 0.62f, bar_w = body.x + body.w - bar_x;
    float frac = left > 0 ? (float)((double)left / (double)span) : 0;
    draw_fill(c, (draw_rect){bar_x, y + lh * 0.35f, bar_w, lh * 0.3f}, th->grid);
    draw_fill(c, (draw_rect){bar_x, y + lh * 0.35f, bar_w * frac, lh * 0.3f},
              draw_color_mix(col, th->panel, 0.35f));
    draw_text_fit(c, x, y, bar_x - x - T * 0.4f, b, DRAW_FONT_UI, px, th->text);
  }
  if (shown < n) {
    snprintf(nb, sizeof nb, "%zu", n - shown);
    snprintf(b, sizeof b, view_str(p->lang, VIEW_S_MORE_TASKS), nb);
    draw_text_fit(c, body.x, body.y + lh * (float)shown, body.w, b, DRAW_FONT_UI, px,
                  th->text_dim);
  }
  draw_clip_pop(c);
}

/* ---- Console ------------------------------------------------------------------------------
 */

void view_console_draw(const view_pctx *p, draw_rect r) {
  const draw_ctx *c = p->c;
  const view_theme *th = c->theme;
  const view_snap *s = p->s;
  draw_rect body = view_panel_frame(p, r, view_str(p->lang, VIEW_S_CONSOLE));
  if (!s || s->nconsole == 0) return;
  draw_clip_push(c, body);
  float T = p->T, px = T * 0.88f;
  float lh = line_h(c, DRAW_FONT_CODE, px) * 1.1f;
  size_t rows = (size_t)(body.h / lh);
  size_t n = s->nconsole;
  size_t first = n > rows ? n - rows : 0;
  float time_w = draw_measure(c, "00.00 s", DRAW_FONT_UI, T * 0.75f).w;
  char tb[32];
  for (size_t i = first; i < n; i++) {
    view_st_line l = view_state_console(p->vs, s->run, i);
    float y = body.y + lh * (float)(i - first);
    view_fmt_time(tb, sizeof tb, l.t, 2, false);
    float ty = y + (lh - line_h(c, DRAW_FONT_UI, T * 0.75f)) / 2;
    draw_text(c, body.x + time_w - draw_measure(c, tb, DRAW_FONT_UI, T * 0.75f).w, ty, tb,
              DRAW_FONT_UI, T * 0.75f, th->text_dim);
    float x = body.x + time_w + T * 0.45f;
    draw_color col = view_theme_task(th, l.task);
    draw_fill(c, (draw_rect){x, y + lh * 0.15f, T * 0.3f, lh * 0.7f}, col);
    x += T * 0.65f;
    draw_text_fit(c, x, y + (lh - line_h(c, DRAW_FONT_CODE, px)) / 2, body.x + body.w - x,
                  l.text, DRAW_FONT_CODE, px, l.warn ? th->error : th->text);
  }
  draw_clip_pop(c);
}

/* ---- Explanation --------------------------------------------------------------------------
 */

typedef struct explain_draw {
  const draw_ctx *c;
  float x, y, lh, px, bottom;
  int skip, line;
  draw_color col;
} explain_draw;

static void explain_line(void *ud, const char *s, size_t n) {
  explain_draw *d = ud;
  int i = d->line++;
  if (i < d->skip) return;
  float y = d->y + d->lh * (float)(i - d->skip);
  if (y + d->lh > d->bottom + 0.01f) return;
  char buf[1024];
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, s, n);
  buf[n] = 0;
  draw_text(d->c, d->x, y, buf, DRAW_FONT_UI, d->px, d->col);
}

int view_explain_draw(const view_pctx *p, draw_rect r, const char *text, int scroll) {
  const draw_ctx *c = p->c;
  draw_rect body = view_panel_frame(p, r, view_str(p->lang, VIEW_S_EXPLAIN));
  if (!text || !*text || body.w <= 0) return 0;
  float px = p->T * 0.92f;
  explain_draw d = {c,
                    body.x,
                    body.y,
                    line_h(c, DRAW_FONT_UI, px) * 1.18f,
                    px,
                    body.y + body.h,
                    scroll < 0 ? 0 : scroll,
                    0,
                    c->theme->text};
  draw_clip_push(c, body);
  int n = view_wrap(c, text, DRAW_FONT_UI, px, body.w, explain_line, &d);
  draw_clip_pop(c);
  /* More below: a faded hint at the bottom edge. */
  int fit = d.lh > 0 ? (int)(body.h / d.lh) : 0;
  if (n - d.skip > fit && fit > 0) {
    const char *more = "↓";
    float w = draw_measure(c, more, DRAW_FONT_UI, px).w;
    draw_text(c, body.x + body.w - w, r.y + r.h - d.lh * 0.95f, more, DRAW_FONT_UI, px,
              c->theme->text_dim);
  }
  return n;
}

/* draw_svg.c -- draw.h into SVG text: rects, lines, <text> measured with the TTF faces. */
#include "draw_svg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SVG_TAG_CLS 64

struct draw_svg {
  draw_fonts *fonts;
  char *buf;
  size_t len, cap;
  int oom, finished;
  int w, h;
  unsigned clip_id;
  int depth;          /* open clip groups */
  int overflow_empty; /* pushes of an empty clip: drawing is skipped until popped */
  /* The pending tag for the next element. */
  int tagged;
  char cls[SVG_TAG_CLS];
  char *title;
  int64_t t0, t1;
};

static void grow(draw_svg *s, size_t need) {
  if (s->oom || s->len + need + 1 <= s->cap) return;
  size_t cap = s->cap ? s->cap : 4096;
  while (s->len + need + 1 > cap)
    cap *= 2;
  char *p = realloc(s->buf, cap);
  if (!p) {
    s->oom = 1;
    return;
  }
  s->buf = p;
  s->cap = cap;
}

static void put(draw_svg *s, const char *str, size_t n) {
  grow(s, n);
  if (s->oom) return;
  memcpy(s->buf + s->len, str, n);
  s->len += n;
  s->buf[s->len] = '\0';
}

static void puts_(draw_svg *s, const char *str) {
  put(s, str, strlen(str));
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
putf(draw_svg *s, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    put(s, tmp, (size_t)n);
    return;
  }
  grow(s, (size_t)n);
  if (s->oom) return;
  va_start(ap, fmt);
  vsnprintf(s->buf + s->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  s->len += (size_t)n;
}

/* Text content or an attribute value: XML-escaped, and anything that is not valid UTF-8 or
   not allowed in XML 1.0 becomes U+FFFD, so the document stays well-formed whatever a lesson
   printed. */
static void put_escaped(draw_svg *s, const char *str) {
  const unsigned char *p = (const unsigned char *)str;
  while (*p) {
    unsigned c = *p;
    const char *rep = NULL;
    size_t n = 1;
    if (c == '&')
      rep = "&amp;";
    else if (c == '<')
      rep = "&lt;";
    else if (c == '>')
      rep = "&gt;";
    else if (c == '"')
      rep = "&quot;";
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      rep = "\xEF\xBF\xBD";
    else if (c >= 0x80) {
      /* Length and validity of one UTF-8 sequence. */
      unsigned cp;
      if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F;
      else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F;
      else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07;
      else
        n = 0, cp = 0;
      for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
          n = 0;
          break;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
      }
      int bad = n == 0 || (n == 3 && cp < 0x800) ||
                (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF) ||
                cp == 0xFFFE || cp == 0xFFFF;
      if (bad) {
        rep = "\xEF\xBF\xBD";
        n = 1;
      }
    }
    if (rep)
      puts_(s, rep);
    else
      put(s, (const char *)p, n);
    p += n;
  }
}

/* A coordinate: device pixels are whole after draw.c snapped them, half pixels for centred
   lines; never an exponent. */
static const char *num(char *b, float v) {
  if (v == (float)(long)v)
    snprintf(b, 24, "%ld", (long)v);
  else
    snprintf(b, 24, "%.2f", (double)v);
  return b;
}

static void put_color(draw_svg *s, const char *attr, draw_color c) {
  putf(s, " %s=\"#%02x%02x%02x\"", attr, DRAW_R(c), DRAW_G(c), DRAW_B(c));
  if (DRAW_A(c) != 255) putf(s, " %s-opacity=\"%.3f\"", attr, DRAW_A(c) / 255.0);
}

static void put_time(draw_svg *s, const char *attr, int64_t t) {
  /* Seconds with up to nine decimals, trailing zeros dropped. */
  char b[40];
  int64_t a = t < 0 ? -t : t;
  int n = snprintf(b, sizeof b, "%s%lld.%09lld", t < 0 ? "-" : "", (long long)(a / 1000000000),
                   (long long)(a % 1000000000));
  while (n > 0 && b[n - 1] == '0')
    b[--n] = '\0';
  if (n > 0 && b[n - 1] == '.') b[--n] = '\0';
  putf(s, " %s=\"%s\"", attr, b);
}

/* Writes the pending tag's attributes into the element being opened. */
static void put_tag_attrs(draw_svg *s) {
  if (!s->tagged) return;
  if (s->cls[0]) {
    puts_(s, " class=\"");
    put_escaped(s, s->cls);
    puts_(s, "\"");
  }
  if (s->t1 >= s->t0) {
    put_time(s, "data-t0", s->t0);
    put_time(s, "data-t1", s->t1);
  }
}

/* Ends the element: with the pending tag's title as a child (a tooltip in browsers). */
static void close_elem(draw_svg *s, const char *name) {
  if (s->tagged && s->title && s->title[0]) {
    puts_(s, "><title>");
    put_escaped(s, s->title);
    putf(s, "</title></%s>\n", name);
  } else {
    puts_(s, "/>\n");
  }
  s->tagged = 0;
  free(s->title);
  s->title = NULL;
}

static int skipping(const draw_svg *s) {
  return s->finished || s->overflow_empty > 0;
}

static void svg_fill(void *be, draw_rect r, draw_color c) {
  draw_svg *s = be;
  if (skipping(s)) return;
  char a[24], b[24], w[24], h[24];
  putf(s, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"", num(a, r.x), num(b, r.y),
       num(w, r.w), num(h, r.h));
  put_color(s, "fill", c);
  put_tag_attrs(s);
  close_elem(s, "rect");
}

static void svg_stroke(void *be, draw_rect r, float width, draw_color c) {
  draw_svg *s = be;
  if (skipping(s)) return;
  if (2 * width >= r.w || 2 * width >= r.h) {
    svg_fill(be, r, c);
    return;
  }
  /* SVG strokes straddle the outline; inset by half the width to stroke inside r as SDL does.
   */
  char a[24], b[24], w[24], h[24], sw[24];
  putf(s,
       "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"none\" stroke-width=\"%s\"",
       num(a, r.x + width / 2), num(b, r.y + width / 2), num(w, r.w - width),
       num(h, r.h - width), num(sw, width));
  put_color(s, "stroke", c);
  put_tag_attrs(s);
  close_elem(s, "rect");
}

static void svg_line(void *be, float x0, float y0, float x1, float y1, float width,
                     draw_color c) {
  draw_svg *s = be;
  if (skipping(s)) return;
  /* Match the SDL backend's pixels: an axis-aligned line of width w covers
     [p - floor(w/2), p - floor(w/2) + w), so its centre sits there. */
  float shift = -(float)((int)width / 2) + width / 2;
  if (x0 == x1)
    x0 = x1 = x0 + shift;
  else if (y0 == y1)
    y0 = y1 = y0 + shift;
  char a[24], b[24], cc[24], d[24], sw[24];
  putf(s, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke-width=\"%s\"", num(a, x0),
       num(b, y0), num(cc, x1), num(d, y1), num(sw, width));
  put_color(s, "stroke", c);
  put_tag_attrs(s);
  close_elem(s, "line");
}

static void svg_text(void *be, float x, float y, const char *str, draw_font f, int px,
                     draw_color c) {
  draw_svg *s = be;
  if (skipping(s) || !*str) return;
  TTF_Font *font = draw_fonts_get(s->fonts, f, px);
  float ascent = font ? (float)TTF_FontAscent(font) : (float)px * 0.8f;
  char a[24], b[24];
  putf(s, "<text x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%d\"", num(a, x),
       num(b, y + ascent), draw_font_family(f), px);
  if (f == DRAW_FONT_BOLD) puts_(s, " font-weight=\"bold\"");
  put_color(s, "fill", c);
  put_tag_attrs(s);
  puts_(s, ">");
  put_escaped(s, str);
  if (s->tagged && s->title && s->title[0]) {
    puts_(s, "<title>");
    put_escaped(s, s->title);
    puts_(s, "</title>");
  }
  puts_(s, "</text>\n");
  s->tagged = 0;
  free(s->title);
  s->title = NULL;
}

static draw_size svg_measure(void *be, const char *str, draw_font f, int px) {
  draw_svg *s = be;
  TTF_Font *font = draw_fonts_get(s->fonts, f, px);
  if (!font) return (draw_size){0, 0};
  int w = 0, h = 0;
  if (*str) TTF_SizeUTF8(font, str, &w, &h);
  return (draw_size){(float)w, (float)TTF_FontHeight(font)};
}

static void svg_clip_push(void *be, draw_rect r) {
  draw_svg *s = be;
  if (skipping(s) || r.w <= 0 || r.h <= 0) {
    s->overflow_empty++;
    return;
  }
  char a[24], b[24], w[24], h[24];
  unsigned id = ++s->clip_id;
  putf(s,
       "<clipPath id=\"c%u\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/></clipPath>\n"
       "<g clip-path=\"url(#c%u)\">\n",
       id, num(a, r.x), num(b, r.y), num(w, r.w), num(h, r.h), id);
  s->depth++;
}

static void svg_clip_pop(void *be) {
  draw_svg *s = be;
  if (s->overflow_empty > 0) {
    s->overflow_empty--;
    return;
  }
  if (s->depth == 0 || s->finished) return;
  s->depth--;
  puts_(s, "</g>\n");
}

static void svg_tag(void *be, const char *cls, const char *title, int64_t t0, int64_t t1) {
  draw_svg *s = be;
  s->tagged = 1;
  snprintf(s->cls, sizeof s->cls, "%s", cls ? cls : "");
  free(s->title);
  s->title = title && *title ? strdup(title) : NULL;
  s->t0 = t0;
  s->t1 = t1;
}

static const draw_ops svg_ops = {
    .fill_rect = svg_fill,
    .stroke_rect = svg_stroke,
    .line = svg_line,
    .text = svg_text,
    .measure = svg_measure,
    .clip_push = svg_clip_push,
    .clip_pop = svg_clip_pop,
    .image = NULL,
    .tag = svg_tag,
};

draw_svg *draw_svg_new(draw_fonts *fonts, int w, int h) {
  draw_svg *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->fonts = fonts;
  s->w = w;
  s->h = h;
  putf(s,
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
       "viewBox=\"0 0 %d %d\" xml:space=\"preserve\" shape-rendering=\"crispEdges\">\n",
       w, h, w, h);
  if (s->oom) {
    draw_svg_free(s);
    return NULL;
  }
  return s;
}

void draw_svg_free(draw_svg *s) {
  if (!s) return;
  free(s->title);
  free(s->buf);
  free(s);
}

draw_ctx draw_svg_ctx(draw_svg *s, float scale, const struct view_theme *theme) {
  return (draw_ctx){&svg_ops, s, scale > 0 ? scale : 1, theme};
}

const char *draw_svg_finish(draw_svg *s, size_t *len) {
  if (!s->finished) {
    while (s->depth > 0)
      svg_clip_pop(s);
    puts_(s, "</svg>\n");
    s->finished = 1;
  }
  if (s->oom) return NULL;
  if (len) *len = s->len;
  return s->buf;
}

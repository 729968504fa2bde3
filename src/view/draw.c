/* draw.c -- the calls panels make: scale layout units to device pixels, snap, and dispatch. */
#include "draw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Text sizes below this many device pixels are not worth asking a font for. */
#define DRAW_MIN_PX 4
#define DRAW_ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

static float snap(float v) {
  return floorf(v + 0.5f);
}

/* Layout rect to device pixels with whole-pixel edges; anything with area keeps at least one
   pixel each way, so a thin mark never vanishes. */
static draw_rect to_dev(const draw_ctx *c, draw_rect r) {
  float s = c->scale;
  float x0 = snap(r.x * s), y0 = snap(r.y * s);
  float x1 = snap((r.x + r.w) * s), y1 = snap((r.y + r.h) * s);
  if (x1 <= x0) x1 = x0 + 1;
  if (y1 <= y0) y1 = y0 + 1;
  return (draw_rect){x0, y0, x1 - x0, y1 - y0};
}

static int dev_px(const draw_ctx *c, float px) {
  int p = (int)lroundf(px * c->scale);
  return p < DRAW_MIN_PX ? DRAW_MIN_PX : p;
}

void draw_fill(const draw_ctx *c, draw_rect r, draw_color col) {
  if (r.w <= 0 || r.h <= 0 || DRAW_A(col) == 0) return;
  c->ops->fill_rect(c->be, to_dev(c, r), col);
}

void draw_stroke(const draw_ctx *c, draw_rect r, float width, draw_color col) {
  if (r.w <= 0 || r.h <= 0 || DRAW_A(col) == 0) return;
  float w = snap(width * c->scale);
  if (w < 1) w = 1;
  c->ops->stroke_rect(c->be, to_dev(c, r), w, col);
}

void draw_line(const draw_ctx *c, float x0, float y0, float x1, float y1, float width,
               draw_color col) {
  if (DRAW_A(col) == 0) return;
  float s = c->scale, w = snap(width * s);
  if (w < 1) w = 1;
  c->ops->line(c->be, snap(x0 * s), snap(y0 * s), snap(x1 * s), snap(y1 * s), w, col);
}

void draw_arrow(const draw_ctx *c, float x0, float y0, float x1, float y1, float width,
                float head, draw_color col) {
  float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
  if (len <= 0) return;
  dx /= len;
  dy /= len;
  if (head > len) head = len;
  /* The shaft stops where the head begins, so a thick line does not poke through its tip. */
  draw_line(c, x0, y0, x1 - dx * head * 0.5f, y1 - dy * head * 0.5f, width, col);
  /* The head: strokes from the tip back to its two barbs, filled in by its lines. */
  float bx = x1 - dx * head, by = y1 - dy * head, hw = head * 0.5f;
  float lx = bx - dy * hw, ly = by + dx * hw, rx = bx + dy * hw, ry = by - dx * hw;
  int n = 6;
  for (int i = 0; i <= n; i++) {
    float t = (float)i / (float)n;
    draw_line(c, x1, y1, lx + (rx - lx) * t, ly + (ry - ly) * t, width, col);
  }
}

float draw_text(const draw_ctx *c, float x, float y, const char *s, draw_font f, float px,
                draw_color col) {
  if (!s || !*s) return 0;
  int p = dev_px(c, px);
  if (DRAW_A(col) != 0)
    c->ops->text(c->be, snap(x * c->scale), snap(y * c->scale), s, f, p, col);
  return c->ops->measure(c->be, s, f, p).w / c->scale;
}

draw_size draw_measure(const draw_ctx *c, const char *s, draw_font f, float px) {
  draw_size d = c->ops->measure(c->be, s ? s : "", f, dev_px(c, px));
  return (draw_size){d.w / c->scale, d.h / c->scale};
}

/* Length of the UTF-8 prefix of s with at most n bytes that ends on a character boundary. */
static size_t utf8_cut(const char *s, size_t n) {
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return n;
}

const char *draw_fit(const draw_ctx *c, const char *s, draw_font f, float px, float maxw,
                     char *buf, size_t cap) {
  if (!s) return "";
  if (draw_measure(c, s, f, px).w <= maxw) return s;
  size_t elen = strlen(DRAW_ELLIPSIS);
  if (cap < elen + 1 || draw_measure(c, DRAW_ELLIPSIS, f, px).w > maxw) return "";
  size_t len = strlen(s);
  if (len > cap - elen - 1) len = utf8_cut(s, cap - elen - 1);
  /* Binary search over byte lengths; each probe is cut back to a character boundary. */
  size_t lo = 0, hi = len;
  while (lo < hi) {
    size_t mid = utf8_cut(s, lo + (hi - lo + 1) / 2);
    if (mid <= lo) {
      /* The next boundary after lo: step forward over one whole character. */
      mid = lo + 1;
      while (mid < hi && ((unsigned char)s[mid] & 0xC0) == 0x80)
        mid++;
    }
    memcpy(buf, s, mid);
    memcpy(buf + mid, DRAW_ELLIPSIS, elen + 1);
    if (draw_measure(c, buf, f, px).w <= maxw)
      lo = mid;
    else
      hi = mid - 1 > lo ? utf8_cut(s, mid - 1) : lo;
  }
  /* Trailing spaces before an ellipsis read badly. */
  while (lo > 0 && s[lo - 1] == ' ')
    lo--;
  memcpy(buf, s, lo);
  memcpy(buf + lo, DRAW_ELLIPSIS, elen + 1);
  return buf;
}

float draw_text_fit(const draw_ctx *c, float x, float y, float maxw, const char *s, draw_font f,
                    float px, draw_color col) {
  char buf[512];
  const char *t = draw_fit(c, s, f, px, maxw, buf, sizeof buf);
  return draw_text(c, x, y, t, f, px, col);
}

void draw_clip_push(const draw_ctx *c, draw_rect r) {
  draw_rect d = {0, 0, 0, 0};
  if (r.w > 0 && r.h > 0) d = to_dev(c, r);
  c->ops->clip_push(c->be, d);
}

void draw_clip_pop(const draw_ctx *c) {
  c->ops->clip_pop(c->be);
}

void draw_image(const draw_ctx *c, draw_rect dst, const draw_pixels *img) {
  if (!c->ops->image || !img || dst.w <= 0 || dst.h <= 0) return;
  c->ops->image(c->be, to_dev(c, dst), img);
}

void draw_tag(const draw_ctx *c, const char *cls, const char *title, int64_t t0, int64_t t1) {
  if (c->ops->tag) c->ops->tag(c->be, cls, title, t0, t1);
}

bool draw_wants_tags(const draw_ctx *c) {
  return c->ops->tag != NULL;
}

bool draw_rect_overlap(draw_rect a, draw_rect b) {
  draw_rect i = draw_rect_intersect(a, b);
  return i.w > 0 && i.h > 0;
}

bool draw_rect_inside(draw_rect in, draw_rect out) {
  return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
         in.y + in.h <= out.y + out.h;
}

draw_rect draw_rect_intersect(draw_rect a, draw_rect b) {
  float x0 = fmaxf(a.x, b.x), y0 = fmaxf(a.y, b.y);
  float x1 = fminf(a.x + a.w, b.x + b.w), y1 = fminf(a.y + a.h, b.y + b.h);
  if (x1 <= x0 || y1 <= y0) return (draw_rect){x0, y0, 0, 0};
  return (draw_rect){x0, y0, x1 - x0, y1 - y0};
}

draw_rect draw_rect_inset(draw_rect r, float dx, float dy) {
  r.x += dx;
  r.y += dy;
  r.w -= 2 * dx;
  r.h -= 2 * dy;
  if (r.w < 0) r.w = 0;
  if (r.h < 0) r.h = 0;
  return r;
}

static uint8_t mix8(uint8_t a, uint8_t b, float t) {
  return (uint8_t)lroundf((float)a + ((float)b - (float)a) * t);
}

draw_color draw_color_mix(draw_color a, draw_color b, float t) {
  if (t <= 0) return a;
  if (t >= 1) t = 1;
  return DRAW_RGBA(mix8(DRAW_R(a), DRAW_R(b), t), mix8(DRAW_G(a), DRAW_G(b), t),
                   mix8(DRAW_B(a), DRAW_B(b), t), DRAW_A(a));
}

int draw_color_dist(draw_color a, draw_color b) {
  int d = 0;
  for (int sh = 0; sh < 32; sh += 8) {
    int x = abs((int)((a >> sh) & 0xFF) - (int)((b >> sh) & 0xFF));
    if (x > d) d = x;
  }
  return d;
}

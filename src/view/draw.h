/* draw.h -- the drawing interface every panel uses: rectangles, lines, text, clip, images. */
#ifndef LS_DRAW_H
#define LS_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A colour as 0xRRGGBBAA. */
typedef uint32_t draw_color;
#define DRAW_R(c) ((uint8_t)((c) >> 24))
#define DRAW_G(c) ((uint8_t)((c) >> 16))
#define DRAW_B(c) ((uint8_t)((c) >> 8))
#define DRAW_A(c) ((uint8_t)(c))
#define DRAW_RGBA(r, g, b, a)                                                                  \
  ((draw_color)(((uint32_t)(r) << 24) | ((uint32_t)(g) << 16) | ((uint32_t)(b) << 8) |         \
                (uint32_t)(a)))

typedef struct draw_rect {
  float x, y, w, h;
} draw_rect;

typedef struct draw_size {
  float w, h;
} draw_size;

/* Font roles: panels ask for a role and a size, the backend picks the face. */
typedef enum {
  DRAW_FONT_UI = 0, /* NanumGothic */
  DRAW_FONT_CODE,   /* NanumGothicCoding, monospaced */
  DRAW_FONT_BOLD,   /* NanumGothicBold */
  DRAW_FONT__COUNT
} draw_font;

/* Pixels for draw_image: rows of RGBA bytes (R first), pitch bytes apart. */
typedef struct draw_pixels {
  int w, h, pitch;
  const uint8_t *rgba;
} draw_pixels;

/* What a backend implements. Every coordinate a backend sees is in device pixels, already
   scaled by draw_ctx.scale and snapped to whole pixels by draw.c, so that two backends given
   the same calls produce the same picture. Text is UTF-8; (x, y) is the top-left corner of
   the line box, whose height is the font's line height. */
typedef struct draw_ops {
  void (*fill_rect)(void *be, draw_rect r, draw_color c);
  void (*stroke_rect)(void *be, draw_rect r, float width, draw_color c); /* inside r */
  void (*line)(void *be, float x0, float y0, float x1, float y1, float width, draw_color c);
  void (*text)(void *be, float x, float y, const char *s, draw_font f, int px, draw_color c);
  draw_size (*measure)(void *be, const char *s, draw_font f, int px);
  void (*clip_push)(void *be, draw_rect r); /* intersected with the clip already in force */
  void (*clip_pop)(void *be);
  /* Optional (NULL: skipped). */
  void (*image)(void *be, draw_rect dst, const draw_pixels *img);
  /* Optional: names the next element drawn (a class, a tooltip and a clock-time range in ns,
     t1 < t0 for none) for backends that keep structure, such as SVG; the others skip it. */
  void (*tag)(void *be, const char *cls, const char *title, int64_t t0, int64_t t1);
} draw_ops;

struct view_theme;

/* What a panel draws with: a backend, the scale from layout units to device pixels and the
   theme. Panels lay out in layout units; only draw.c multiplies by scale. */
typedef struct draw_ctx {
  const draw_ops *ops;
  void *be;
  float scale; /* device pixels per layout unit, > 0 */
  const struct view_theme *theme;
} draw_ctx;

/* The calls panels make (layout units in, device pixels out). */
void draw_fill(const draw_ctx *c, draw_rect r, draw_color col);
void draw_stroke(const draw_ctx *c, draw_rect r, float width, draw_color col);
void draw_line(const draw_ctx *c, float x0, float y0, float x1, float y1, float width,
               draw_color col);
/* A line from (x0, y0) to (x1, y1) ending in an arrowhead of length `head` at (x1, y1). */
void draw_arrow(const draw_ctx *c, float x0, float y0, float x1, float y1, float width,
                float head, draw_color col);
/* Draws s with its top-left at (x, y); returns its width. */
float draw_text(const draw_ctx *c, float x, float y, const char *s, draw_font f, float px,
                draw_color col);
/* Width of s and the font's line height. */
draw_size draw_measure(const draw_ctx *c, const char *s, draw_font f, float px);
/* Like draw_text, but cuts s with an ellipsis so it fits in maxw; draws nothing when not even
   the ellipsis fits. Returns the width drawn. */
float draw_text_fit(const draw_ctx *c, float x, float y, float maxw, const char *s, draw_font f,
                    float px, draw_color col);
/* The longest prefix of s (cut at a character boundary, ellipsis added) that fits in maxw,
   written into buf; returns s itself when it fits whole, "" when nothing fits. */
const char *draw_fit(const draw_ctx *c, const char *s, draw_font f, float px, float maxw,
                     char *buf, size_t cap);
void draw_clip_push(const draw_ctx *c, draw_rect r);
void draw_clip_pop(const draw_ctx *c);
void draw_image(const draw_ctx *c, draw_rect dst, const draw_pixels *img);
void draw_tag(const draw_ctx *c, const char *cls, const char *title, int64_t t0, int64_t t1);
/* True when the backend keeps tags, so callers can skip formatting titles nobody reads. */
bool draw_wants_tags(const draw_ctx *c);

/* Rectangles and colours. */
bool draw_rect_overlap(draw_rect a, draw_rect b); /* shared area > 0 */
bool draw_rect_inside(draw_rect inner, draw_rect outer);
draw_rect draw_rect_intersect(draw_rect a, draw_rect b); /* w or h 0 when disjoint */
draw_rect draw_rect_inset(draw_rect r, float dx, float dy);
/* a mixed toward b by t in [0, 1]; alpha taken from a. */
draw_color draw_color_mix(draw_color a, draw_color b, float t);
/* Largest channel difference, for tests and probes. */
int draw_color_dist(draw_color a, draw_color b);

#endif

/* draw_sdl.c -- draw.h on an SDL_Renderer: rects, and SDL_ttf text through a texture cache. */
#include "draw_sdl.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#define CLIP_MAX 32
#define TCACHE_BUCKETS 4096 /* power of two */
#define TCACHE_MAX_ENTRIES 2048
#define TCACHE_MAX_BYTES ((size_t)64 << 20)

/* One rendered string: keyed by (font role, size, colour, text), kept in a hash chain and on
   an LRU list (head: most recently drawn). */
typedef struct tex_entry {
  struct tex_entry *hnext;
  struct tex_entry *prev, *next;
  uint64_t hash;
  int role, px;
  draw_color color;
  SDL_Texture *tex;
  int w, h;
  size_t bytes;
  char s[]; /* the text, NUL-terminated */
} tex_entry;

struct draw_sdl {
  SDL_Renderer *r;
  draw_fonts *fonts;
  SDL_Rect clip[CLIP_MAX];
  int nclip;
  int overflow; /* pushes past CLIP_MAX, ignored but counted so pops pair up */
  tex_entry *buckets[TCACHE_BUCKETS];
  tex_entry *head, *tail;
  size_t max_entries, max_bytes;
  draw_sdl_stats st;
};

static uint64_t key_hash(int role, int px, draw_color c, const char *s) {
  uint64_t h = 1469598103934665603ull;
  h = (h ^ (uint64_t)role) * 1099511628211ull;
  h = (h ^ (uint64_t)px) * 1099511628211ull;
  h = (h ^ (uint64_t)c) * 1099511628211ull;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    h = (h ^ *p) * 1099511628211ull;
  return h;
}

static void lru_unlink(draw_sdl *d, tex_entry *e) {
  if (e->prev)
    e->prev->next = e->next;
  else
    d->head = e->next;
  if (e->next)
    e->next->prev = e->prev;
  else
    d->tail = e->prev;
  e->prev = e->next = NULL;
}

static void lru_push_front(draw_sdl *d, tex_entry *e) {
  e->prev = NULL;
  e->next = d->head;
  if (d->head) d->head->prev = e;
  d->head = e;
  if (!d->tail) d->tail = e;
}

static void entry_drop(draw_sdl *d, tex_entry *e) {
  tex_entry **pp = &d->buckets[e->hash & (TCACHE_BUCKETS - 1)];
  while (*pp != e)
    pp = &(*pp)->hnext;
  *pp = e->hnext;
  lru_unlink(d, e);
  d->st.entries--;
  d->st.bytes -= e->bytes;
  if (e->tex) SDL_DestroyTexture(e->tex);
  free(e);
}

static void cache_trim(draw_sdl *d, size_t entries, size_t bytes) {
  while (d->tail && (d->st.entries > entries || d->st.bytes > bytes)) {
    entry_drop(d, d->tail);
    d->st.evictions++;
  }
}

draw_sdl *draw_sdl_new(SDL_Renderer *r, draw_fonts *fonts) {
  draw_sdl *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->r = r;
  d->fonts = fonts;
  d->max_entries = TCACHE_MAX_ENTRIES;
  d->max_bytes = TCACHE_MAX_BYTES;
  return d;
}

void draw_sdl_flush_cache(draw_sdl *d) {
  while (d->head)
    entry_drop(d, d->head);
}

void draw_sdl_free(draw_sdl *d) {
  if (!d) return;
  draw_sdl_flush_cache(d);
  free(d);
}

draw_sdl_stats draw_sdl_get_stats(const draw_sdl *d) {
  return d->st;
}

void draw_sdl_set_cache_limits(draw_sdl *d, size_t max_entries, size_t max_bytes) {
  d->max_entries = max_entries ? max_entries : 1;
  d->max_bytes = max_bytes;
  cache_trim(d, d->max_entries, d->max_bytes);
}

static SDL_Rect to_sdl(draw_rect r) {
  return (SDL_Rect){(int)r.x, (int)r.y, (int)r.w, (int)r.h};
}

/* True when the clip in force is empty, so nothing can show. */
static int clipped_out(const draw_sdl *d) {
  return d->nclip > 0 && (d->clip[d->nclip - 1].w <= 0 || d->clip[d->nclip - 1].h <= 0);
}

static void set_color(draw_sdl *d, draw_color c) {
  SDL_SetRenderDrawBlendMode(d->r, DRAW_A(c) == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(d->r, DRAW_R(c), DRAW_G(c), DRAW_B(c), DRAW_A(c));
}

static void sdl_fill(void *be, draw_rect r, draw_color c) {
  draw_sdl *d = be;
  if (clipped_out(d)) return;
  SDL_Rect q = to_sdl(r);
  set_color(d, c);
  SDL_RenderFillRect(d->r, &q);
}

static void sdl_stroke(void *be, draw_rect r, float width, draw_color c) {
  draw_sdl *d = be;
  if (clipped_out(d)) return;
  int w = (int)width;
  SDL_Rect q = to_sdl(r);
  if (2 * w >= q.w || 2 * w >= q.h) {
    sdl_fill(be, r, c);
    return;
  }
  SDL_Rect sides[4] = {
      {q.x, q.y, q.w, w},
      {q.x, q.y + q.h - w, q.w, w},
      {q.x, q.y + w, w, q.h - 2 * w},
      {q.x + q.w - w, q.y + w, w, q.h - 2 * w},
  };
  set_color(d, c);
  SDL_RenderFillRects(d->r, sides, 4);
}

static void sdl_line(void *be, float x0, float y0, float x1, float y1, float width,
                     draw_color c) {
  draw_sdl *d = be;
  if (clipped_out(d)) return;
  int w = (int)width;
  /* Axis-aligned lines are rects centred on the line, so widths stay exact. */
  if (x0 == x1 || y0 == y1) {
    int lo = w / 2;
    SDL_Rect q;
    if (x0 == x1) {
      float ya = y0 < y1 ? y0 : y1, yb = y0 < y1 ? y1 : y0;
      q = (SDL_Rect){(int)x0 - lo, (int)ya, w, (int)(yb - ya) > 0 ? (int)(yb - ya) : 1};
    } else {
      float xa = x0 < x1 ? x0 : x1, xb = x0 < x1 ? x1 : x0;
      q = (SDL_Rect){(int)xa, (int)y0 - lo, (int)(xb - xa), w};
    }
    set_color(d, c);
    SDL_RenderFillRect(d->r, &q);
    return;
  }
  if (w <= 1) {
    set_color(d, c);
    SDL_RenderDrawLineF(d->r, x0, y0, x1, y1);
    return;
  }
  /* A thick diagonal: a quad of two triangles. */
  float dx = x1 - x0, dy = y1 - y0, len = SDL_sqrtf(dx * dx + dy * dy);
  float nx = -dy / len * width / 2, ny = dx / len * width / 2;
  SDL_Color col = {DRAW_R(c), DRAW_G(c), DRAW_B(c), DRAW_A(c)};
  SDL_Vertex v[4] = {
      {{x0 + nx, y0 + ny}, col, {0, 0}},
      {{x1 + nx, y1 + ny}, col, {0, 0}},
      {{x1 - nx, y1 - ny}, col, {0, 0}},
      {{x0 - nx, y0 - ny}, col, {0, 0}},
  };
  static const int idx[6] = {0, 1, 2, 0, 2, 3};
  SDL_RenderGeometry(d->r, NULL, v, 4, idx, 6);
}

/* The cached texture for a string, rendering it on a miss; NULL when it cannot be drawn. */
static tex_entry *text_entry(draw_sdl *d, const char *s, draw_font f, int px, draw_color c) {
  uint64_t h = key_hash((int)f, px, c, s);
  tex_entry **bucket = &d->buckets[h & (TCACHE_BUCKETS - 1)];
  for (tex_entry *e = *bucket; e; e = e->hnext) {
    if (e->hash == h && e->role == (int)f && e->px == px && e->color == c &&
        strcmp(e->s, s) == 0) {
      d->st.hits++;
      lru_unlink(d, e);
      lru_push_front(d, e);
      return e;
    }
  }
  d->st.misses++;
  TTF_Font *font = draw_fonts_get(d->fonts, f, px);
  if (!font) return NULL;
  /* Rendered opaque and faded with the texture's alpha, so blending matches a fill. */
  SDL_Surface *surf =
      TTF_RenderUTF8_Blended(font, s, (SDL_Color){DRAW_R(c), DRAW_G(c), DRAW_B(c), 255});
  if (!surf) return NULL;
  size_t n = strlen(s);
  tex_entry *e = calloc(1, sizeof *e + n + 1);
  SDL_Texture *tex = e ? SDL_CreateTextureFromSurface(d->r, surf) : NULL;
  if (!tex) {
    SDL_FreeSurface(surf);
    free(e);
    return NULL;
  }
  SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
  SDL_SetTextureAlphaMod(tex, DRAW_A(c));
  e->hash = h;
  e->role = (int)f;
  e->px = px;
  e->color = c;
  e->tex = tex;
  e->w = surf->w;
  e->h = surf->h;
  e->bytes = (size_t)surf->w * (size_t)surf->h * 4;
  memcpy(e->s, s, n + 1);
  SDL_FreeSurface(surf);
  e->hnext = *bucket;
  *bucket = e;
  lru_push_front(d, e);
  d->st.entries++;
  d->st.bytes += e->bytes;
  /* Keep the new entry even if it alone is over the byte bound: it is about to be drawn. */
  cache_trim(d, d->max_entries, d->max_bytes > e->bytes ? d->max_bytes : e->bytes);
  return e;
}

static void sdl_text(void *be, float x, float y, const char *s, draw_font f, int px,
                     draw_color c) {
  draw_sdl *d = be;
  if (clipped_out(d) || !*s) return;
  tex_entry *e = text_entry(d, s, f, px, c);
  if (!e) return;
  SDL_Rect dst = {(int)x, (int)y, e->w, e->h};
  SDL_RenderCopy(d->r, e->tex, NULL, &dst);
}

static draw_size sdl_measure(void *be, const char *s, draw_font f, int px) {
  draw_sdl *d = be;
  TTF_Font *font = draw_fonts_get(d->fonts, f, px);
  if (!font) return (draw_size){0, 0};
  int w = 0, h = 0;
  if (*s) TTF_SizeUTF8(font, s, &w, &h);
  return (draw_size){(float)w, (float)TTF_FontHeight(font)};
}

static void sdl_clip_push(void *be, draw_rect r) {
  draw_sdl *d = be;
  if (d->nclip == CLIP_MAX) {
    d->overflow++;
    return;
  }
  SDL_Rect q = to_sdl(r);
  if (d->nclip > 0) {
    SDL_Rect out;
    if (!SDL_IntersectRect(&q, &d->clip[d->nclip - 1], &out)) out = (SDL_Rect){q.x, q.y, 0, 0};
    q = out;
  }
  d->clip[d->nclip++] = q;
  if (q.w > 0 && q.h > 0) SDL_RenderSetClipRect(d->r, &q);
}

static void sdl_clip_pop(void *be) {
  draw_sdl *d = be;
  if (d->overflow > 0) {
    d->overflow--;
    return;
  }
  if (d->nclip == 0) return;
  d->nclip--;
  /* An empty clip was never handed to SDL; restore the nearest non-empty one below. */
  SDL_RenderSetClipRect(d->r, d->nclip > 0 && !clipped_out(d) ? &d->clip[d->nclip - 1] : NULL);
}

static void sdl_image(void *be, draw_rect dst, const draw_pixels *img) {
  draw_sdl *d = be;
  if (clipped_out(d)) return;
  SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom((void *)img->rgba, img->w, img->h, 32,
                                                      img->pitch, SDL_PIXELFORMAT_RGBA32);
  if (!s) return;
  SDL_Texture *t = SDL_CreateTextureFromSurface(d->r, s);
  SDL_FreeSurface(s);
  if (!t) return;
  SDL_Rect q = to_sdl(dst);
  SDL_RenderCopy(d->r, t, NULL, &q);
  SDL_DestroyTexture(t);
}

static const draw_ops sdl_ops = {
    .fill_rect = sdl_fill,
    .stroke_rect = sdl_stroke,
    .line = sdl_line,
    .text = sdl_text,
    .measure = sdl_measure,
    .clip_push = sdl_clip_push,
    .clip_pop = sdl_clip_pop,
    .image = sdl_image,
    .tag = NULL,
};

draw_ctx draw_sdl_ctx(draw_sdl *d, float scale, const struct view_theme *theme) {
  return (draw_ctx){&sdl_ops, d, scale > 0 ? scale : 1, theme};
}

struct draw_canvas {
  SDL_Surface *surf;
  SDL_Renderer *r;
  draw_sdl *d;
};

draw_canvas *draw_canvas_new(int w, int h, draw_fonts *fonts) {
  draw_canvas *c = calloc(1, sizeof *c);
  if (!c) {
    SDL_OutOfMemory();
    return NULL;
  }
  c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!c->surf) goto fail;
  c->r = SDL_CreateSoftwareRenderer(c->surf);
  if (!c->r) goto fail;
  c->d = draw_sdl_new(c->r, fonts);
  if (!c->d) {
    SDL_OutOfMemory();
    goto fail;
  }
  return c;
fail:
  draw_canvas_free(c);
  return NULL;
}

void draw_canvas_free(draw_canvas *c) {
  if (!c) return;
  draw_sdl_free(c->d);
  if (c->r) SDL_DestroyRenderer(c->r);
  SDL_FreeSurface(c->surf);
  free(c);
}

draw_ctx draw_canvas_ctx(draw_canvas *c, float scale, const struct view_theme *theme) {
  return draw_sdl_ctx(c->d, scale, theme);
}

draw_sdl *draw_canvas_backend(draw_canvas *c) {
  return c->d;
}

SDL_Surface *draw_canvas_surface(draw_canvas *c) {
  SDL_RenderFlush(c->r);
  return c->surf;
}

draw_color draw_canvas_pixel(draw_canvas *c, int x, int y) {
  SDL_Surface *s = draw_canvas_surface(c);
  if (x < 0 || y < 0 || x >= s->w || y >= s->h) return 0;
  Uint32 p = *(const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch +
                               (size_t)x * 4);
  Uint8 r, g, b, a;
  SDL_GetRGBA(p, s->format, &r, &g, &b, &a);
  return DRAW_RGBA(r, g, b, a);
}

int draw_canvas_save_png(draw_canvas *c, const char *path) {
  return IMG_SavePNG(draw_canvas_surface(c), path) == 0 ? 0 : -1;
}

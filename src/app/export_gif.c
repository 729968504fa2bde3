/* export_gif.c -- the growing timeline as an animated GIF: every frame drawn by the same
 * timeline code on an offscreen canvas, quantised to one global palette, only the changed
 * rectangle of each frame encoded, written to a temporary file and renamed. */
#include "export_gif.h"

#include <errno.h>
#include <gif_lib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draw_sdl.h"
#include "fsutil.h"

enum {
  GIF_FRAMES = 42,     /* frames while the playhead moves */
  GIF_DELAY = 8,       /* centiseconds per frame: 12.5 fps, 3.4 s */
  GIF_HOLD = 150,      /* the last frame is held 1.5 s */
  GIF_RESERVE = 16,    /* palette slots kept for colours only the moving frames have */
};

/* ---- rgb -> value, open addressing ---------------------------------------------------- */

typedef struct cmap {
  uint32_t *keys; /* rgb | 0x1000000 when used */
  uint32_t *vals;
  size_t cap, n;
} cmap;

static int cmap_init(cmap *m, size_t cap) {
  m->cap = cap;
  m->n = 0;
  m->keys = calloc(cap, sizeof *m->keys);
  m->vals = calloc(cap, sizeof *m->vals);
  return m->keys && m->vals ? 0 : -1;
}

static void cmap_free(cmap *m) {
  free(m->keys);
  free(m->vals);
  m->keys = m->vals = NULL;
}

static size_t cmap_slot(const cmap *m, uint32_t key) {
  size_t i = (key * 2654435761u) & (m->cap - 1);
  while (m->keys[i] && m->keys[i] != key) i = (i + 1) & (m->cap - 1);
  return i;
}

/* The value for rgb, created as 0 when new; NULL when out of memory. */
static uint32_t *cmap_get(cmap *m, uint32_t rgb) {
  uint32_t key = rgb | 0x1000000u;
  size_t i = cmap_slot(m, key);
  if (m->keys[i]) return &m->vals[i];
  if ((m->n + 1) * 2 > m->cap) {
    cmap old = *m;
    if (cmap_init(m, old.cap * 2)) {
      cmap_free(m);
      *m = old;
      return NULL;
    }
    for (size_t j = 0; j < old.cap; j++)
      if (old.keys[j]) {
        size_t k = cmap_slot(m, old.keys[j]);
        m->keys[k] = old.keys[j];
        m->vals[k] = old.vals[j];
      }
    m->n = old.n;
    cmap_free(&old);
    i = cmap_slot(m, key);
  }
  m->keys[i] = key;
  m->vals[i] = 0;
  m->n++;
  return &m->vals[i];
}

static const uint32_t *cmap_find(const cmap *m, uint32_t rgb) {
  size_t i = cmap_slot(m, rgb | 0x1000000u);
  return m->keys[i] ? &m->vals[i] : NULL;
}

/* ---- palette ---------------------------------------------------------------------------- */

typedef struct counted {
  uint32_t rgb, n;
} counted;

static int by_count(const void *a, const void *b) {
  const counted *x = a, *y = b;
  if (x->n != y->n) return x->n < y->n ? 1 : -1;
  return x->rgb < y->rgb ? -1 : x->rgb > y->rgb; /* deterministic */
}

static uint32_t px_rgb(const SDL_Surface *s, int x, int y) {
  return ((const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch))[x] & 0xFFFFFFu;
}

/* Colours of s by count, most frequent first; NULL when out of memory. skip: not counted. */
static counted *count_colors(const SDL_Surface *s, const cmap *skip, size_t *n) {
  cmap m;
  if (cmap_init(&m, 1u << 12)) {
    cmap_free(&m);
    return NULL;
  }
  for (int y = 0; y < s->h; y++)
    for (int x = 0; x < s->w; x++) {
      uint32_t rgb = px_rgb(s, x, y);
      if (skip && cmap_find(skip, rgb)) continue;
      uint32_t *v = cmap_get(&m, rgb);
      if (!v) {
        cmap_free(&m);
        return NULL;
      }
      (*v)++;
    }
  counted *out = malloc((m.n ? m.n : 1) * sizeof *out);
  size_t k = 0;
  if (out)
    for (size_t i = 0; i < m.cap; i++)
      if (m.keys[i]) out[k++] = (counted){m.keys[i] & 0xFFFFFFu, m.vals[i]};
  cmap_free(&m);
  if (out) qsort(out, k, sizeof *out, by_count);
  *n = k;
  return out;
}

typedef struct quant {
  GifColorType pal[256];
  int npal;
  cmap cache; /* rgb -> palette index */
} quant;

static int nearest(const quant *q, uint32_t rgb) {
  int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255, best = 0;
  long bd = -1;
  for (int i = 0; i < q->npal; i++) {
    long dr = r - q->pal[i].Red, dg = g - q->pal[i].Green, db = b - q->pal[i].Blue;
    long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    if (bd < 0 || d < bd) bd = d, best = i;
  }
  return best;
}

/* Palette indices of s into out (w*h); -1 when out of memory. */
static int quantise(quant *q, const SDL_Surface *s, uint8_t *out) {
  uint32_t last = 0xFFFFFFFFu;
  uint8_t li = 0;
  for (int y = 0; y < s->h; y++) {
    const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * s->pitch);
    uint8_t *o = out + (size_t)y * s->w;
    for (int x = 0; x < s->w; x++) {
      uint32_t rgb = row[x] & 0xFFFFFFu;
      if (rgb != last) {
        const uint32_t *v = cmap_find(&q->cache, rgb);
        if (v) {
          li = (uint8_t)*v;
        } else {
          uint32_t *nv = cmap_get(&q->cache, rgb);
          if (!nv) return -1;
          li = (uint8_t)nearest(q, rgb);
          *nv = li;
        }
        last = rgb;
      }
      o[x] = li;
    }
  }
  return 0;
}

static void add_color(quant *q, uint32_t rgb) {
  GifColorType c = {(GifByteType)(rgb >> 16), (GifByteType)(rgb >> 8), (GifByteType)rgb};
  q->pal[q->npal] = c;
  *cmap_get(&q->cache, rgb) = (uint32_t)q->npal; /* the cache starts big enough for 256 */
  q->npal++;
}

/* The last frame's colours by popularity, and up to GIF_RESERVE slots for the colours that
   only a moving frame (mid) has, such as the playhead. */
static int build_palette(quant *q, const SDL_Surface *last, const SDL_Surface *mid) {
  size_t nl = 0, nm = 0;
  counted *cl = count_colors(last, NULL, &nl);
  if (!cl) return -1;
  q->npal = 0;
  for (size_t i = 0; i < nl; i++) *cmap_get(&q->cache, cl[i].rgb) = 0; /* as a set for now */
  counted *cm = count_colors(mid, &q->cache, &nm);
  memset(q->cache.keys, 0, q->cache.cap * sizeof *q->cache.keys);
  q->cache.n = 0;
  if (!cm) {
    free(cl);
    return -1;
  }
  size_t extra = nm < GIF_RESERVE ? nm : GIF_RESERVE;
  size_t from_last = nl < 256 - extra ? nl : 256 - extra;
  for (size_t i = 0; i < from_last; i++) add_color(q, cl[i].rgb);
  for (size_t i = 0; i < nm && q->npal < 256; i++) add_color(q, cm[i].rgb);
  for (size_t i = from_last; i < nl && q->npal < 256; i++) add_color(q, cl[i].rgb);
  free(cl);
  free(cm);
  return 0;
}

/* ---- encoding --------------------------------------------------------------------------- */

static int gif_out(GifFileType *g, const GifByteType *b, int n) {
  return (int)fwrite(b, 1, (size_t)n, (FILE *)g->UserData);
}

typedef struct rect {
  int x, y, w, h;
} rect;

/* The smallest rectangle where a and b differ; w == 0 when they are the same. */
static rect diff_rect(const uint8_t *a, const uint8_t *b, int w, int h) {
  int x0 = w, x1 = -1, y0 = -1, y1 = -1;
  for (int y = 0; y < h; y++) {
    const uint8_t *ra = a + (size_t)y * w, *rb = b + (size_t)y * w;
    if (!memcmp(ra, rb, (size_t)w)) continue;
    if (y0 < 0) y0 = y;
    y1 = y;
    int l = 0, r = w - 1;
    while (ra[l] == rb[l]) l++;
    while (ra[r] == rb[r]) r--;
    if (l < x0) x0 = l;
    if (r > x1) x1 = r;
  }
  if (y0 < 0) return (rect){0, 0, 0, 0};
  return (rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

static int put_frame(GifFileType *g, const uint8_t *px, int w, rect r, int delay) {
  GraphicsControlBlock gcb = {.DisposalMode = DISPOSE_DO_NOT, .UserInputFlag = false,
                              .DelayTime = delay, .TransparentColor = NO_TRANSPARENT_COLOR};
  GifByteType ext[4];
  size_t n = EGifGCBToExtension(&gcb, ext);
  if (EGifPutExtension(g, GRAPHICS_EXT_FUNC_CODE, (int)n, ext) == GIF_ERROR) return -1;
  if (EGifPutImageDesc(g, r.x, r.y, r.w, r.h, false, NULL) == GIF_ERROR) return -1;
  for (int y = r.y; y < r.y + r.h; y++)
    if (EGifPutLine(g, (GifPixelType *)(px + (size_t)y * w + r.x), r.w) == GIF_ERROR) return -1;
  return 0;
}

static int put_loop(GifFileType *g) {
  static const GifByteType loop[3] = {1, 0, 0}; /* sub-block 1: loop for ever */
  if (EGifPutExtensionLeader(g, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR) return -1;
  if (EGifPutExtensionBlock(g, 11, "NETSCAPE2.0") == GIF_ERROR) return -1;
  if (EGifPutExtensionBlock(g, 3, loop) == GIF_ERROR) return -1;
  return EGifPutExtensionTrailer(g) == GIF_ERROR ? -1 : 0;
}

static void draw_frame(const view_timeline *tl, const draw_ctx *ctx, draw_rect area,
                       const view_tl_opts *base, int cut, ls_time t) {
  view_tl_opts o = *base;
  o.has_playhead = cut;
  o.cut = cut;
  o.playhead = t;
  view_timeline_draw(tl, ctx, area, &o, NULL, NULL);
}

int export_gif(const view_timeline *tl, draw_fonts *fonts, const view_theme *theme,
               const view_tl_opts *o, draw_rect area, int w, int h, float scale,
               const char *path, char *err, size_t errlen) {
  int rc = 2, gerr = 0;
  quant q = {.npal = 0};
  uint8_t *prev = NULL, *cur = NULL;
  GifFileType *g = NULL;
  atomic_file a = {0};
  int opened = 0;
  draw_canvas *cv = draw_canvas_new(w, h, fonts);
  if (!cv) {
    snprintf(err, errlen, "cannot export: %s", SDL_GetError());
    return 2;
  }
  draw_ctx ctx = draw_canvas_ctx(cv, scale, theme);
  ls_time t0 = o->from, t1 = o->to;
  if (t1 <= t0) t0 = 0, t1 = view_timeline_end(tl);
  if (t1 < t0) t1 = t0;

  size_t npx = (size_t)w * (size_t)h;
  prev = malloc(npx);
  cur = malloc(npx);
  if (!prev || !cur || cmap_init(&q.cache, 1u << 10)) goto oom;

  /* The palette from the last frame and one frame half-way, with the playhead showing. */
  SDL_Surface *s = draw_canvas_surface(cv);
  draw_frame(tl, &ctx, area, o, 1, t0 + (t1 - t0) / 2);
  SDL_Surface *mid = SDL_ConvertSurface(draw_canvas_surface(cv), s->format, 0);
  if (!mid) goto oom;
  draw_frame(tl, &ctx, area, o, 0, t1);
  int pr = build_palette(&q, draw_canvas_surface(cv), mid);
  SDL_FreeSurface(mid);
  if (pr) goto oom;
  ColorMapObject *cm = GifMakeMapObject(256, q.pal);
  if (!cm) goto oom;

  if (atomic_open(&a, path) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    GifFreeMapObject(cm);
    goto out;
  }
  opened = 1;
  g = EGifOpen(a.f, gif_out, &gerr);
  if (!g) {
    GifFreeMapObject(cm);
    goto gif_fail;
  }
  EGifSetGifVersion(g, true);
  int sr = EGifPutScreenDesc(g, w, h, 8, 0, cm);
  GifFreeMapObject(cm);
  if (sr == GIF_ERROR || put_loop(g)) goto gif_fail;

  /* Each frame is written when the next is known, so a frame that changes nothing only
     lengthens the one before it. */
  rect pending = {0, 0, w, h};
  int pending_delay = -1;
  for (int i = 0; i <= GIF_FRAMES; i++) {
    int last = i == GIF_FRAMES;
    draw_frame(tl, &ctx, area, o, !last, t0 + (ls_time)((double)(t1 - t0) * i / GIF_FRAMES));
    if (quantise(&q, draw_canvas_surface(cv), cur)) goto oom;
    int delay = last ? GIF_HOLD : GIF_DELAY;
    if (pending_delay < 0) {
      pending_delay = delay;
    } else {
      rect r = diff_rect(prev, cur, w, h);
      if (r.w == 0) {
        pending_delay = last ? GIF_HOLD : pending_delay + delay;
        continue;
      }
      if (put_frame(g, prev, w, pending, pending_delay)) goto gif_fail;
      pending = r;
      pending_delay = delay;
    }
    uint8_t *t = prev;
    prev = cur;
    cur = t;
  }
  if (put_frame(g, prev, w, pending, pending_delay)) goto gif_fail;
  gerr = 0;
  int cr = EGifCloseFile(g, &gerr);
  g = NULL;
  if (cr == GIF_ERROR) goto gif_fail;
  opened = 0;
  if (atomic_commit(&a) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    goto out;
  }
  rc = 0;
  goto out;

oom:
  snprintf(err, errlen, "cannot export: out of memory");
  goto out;
gif_fail:
  if (g) gerr = g->Error;
  snprintf(err, errlen, "cannot write %s: %s", path,
           ferror(a.f) ? strerror(errno) : GifErrorString(gerr));
out:
  if (g) EGifCloseFile(g, &gerr);
  if (opened) atomic_abort(&a);
  cmap_free(&q.cache);
  free(prev);
  free(cur);
  draw_canvas_free(cv);
  return rc;
}

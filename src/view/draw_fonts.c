/* draw_fonts.c -- font files read once into memory; faces opened per size from that memory. */
#include "draw_fonts.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ls.h"

#ifndef LS_ASSETS_DIR
#define LS_ASSETS_DIR ""
#endif

/* Open faces kept at once: a window uses a handful of sizes; a theme or zoom change adds some.
 */
#define FONTS_MAX_OPEN 48

typedef struct open_face {
  TTF_Font *font; /* NULL: slot free */
  int role, px;
  uint64_t used; /* tick of last use, for LRU */
} open_face;

struct draw_fonts {
  void *data[DRAW_FONT__COUNT];
  size_t size[DRAW_FONT__COUNT];
  open_face open[FONTS_MAX_OPEN];
  uint64_t tick;
  int ttf_started;
};

static const char *const font_files[DRAW_FONT__COUNT] = {
    "NanumGothic.ttf",
    "NanumGothicCoding.ttf",
    "NanumGothicBold.ttf",
};

static const char *const font_families[DRAW_FONT__COUNT] = {
    "NanumGothic, 'Nanum Gothic', sans-serif",
    "NanumGothicCoding, 'NanumGothic Coding', monospace",
    "NanumGothic, 'Nanum Gothic', sans-serif",
};

const char *draw_font_family(draw_font role) {
  return (unsigned)role < DRAW_FONT__COUNT ? font_families[role] : font_families[0];
}

const char *draw_font_file(draw_font role) {
  return (unsigned)role < DRAW_FONT__COUNT ? font_files[role] : font_files[0];
}

static void *read_file(const char *path, size_t *len) {
  SDL_RWops *rw = SDL_RWFromFile(path, "rb");
  if (!rw) return NULL;
  Sint64 n = SDL_RWsize(rw);
  void *p = n > 0 ? malloc((size_t)n) : NULL;
  if (p && SDL_RWread(rw, p, 1, (size_t)n) != (size_t)n) {
    SDL_SetError("short read: %s", path);
    free(p);
    p = NULL;
  } else if (!p) {
    SDL_SetError(n > 0 ? "out of memory reading %s" : "empty font file %s", path);
  }
  SDL_RWclose(rw);
  if (p) *len = (size_t)n;
  return p;
}

draw_fonts *draw_fonts_new(const char *dir) {
  draw_fonts *f = calloc(1, sizeof *f);
  if (!f) {
    SDL_OutOfMemory();
    return NULL;
  }
  for (int i = 0; i < DRAW_FONT__COUNT; i++) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, font_files[i]) >= (int)sizeof path) {
      SDL_SetError("font path too long");
      goto fail;
    }
    f->data[i] = read_file(path, &f->size[i]);
    if (!f->data[i]) goto fail;
  }
  if (TTF_Init() != 0) goto fail;
  f->ttf_started = 1;
  return f;
fail:
  draw_fonts_free(f);
  return NULL;
}

void draw_fonts_free(draw_fonts *f) {
  if (!f) return;
  for (int i = 0; i < FONTS_MAX_OPEN; i++)
    if (f->open[i].font) TTF_CloseFont(f->open[i].font);
  for (int i = 0; i < DRAW_FONT__COUNT; i++)
    free(f->data[i]);
  /* SDL_ttf counts its users, so this only stops it when nobody else holds it. */
  if (f->ttf_started) TTF_Quit();
  free(f);
}

TTF_Font *draw_fonts_get(draw_fonts *f, draw_font role, int px) {
  if ((unsigned)role >= DRAW_FONT__COUNT || px <= 0) return NULL;
  f->tick++;
  int victim = 0;
  for (int i = 0; i < FONTS_MAX_OPEN; i++) {
    open_face *o = &f->open[i];
    if (o->font && o->role == (int)role && o->px == px) {
      o->used = f->tick;
      return o->font;
    }
    /* A free slot beats any used one; otherwise the least recently used. */
    if (!f->open[victim].font) continue;
    if (!o->font || o->used < f->open[victim].used) victim = i;
  }
  SDL_RWops *rw = SDL_RWFromConstMem(f->data[role], (int)f->size[role]);
  if (!rw) return NULL;
  TTF_Font *font = TTF_OpenFontRW(rw, 1, px);
  if (!font) return NULL;
  open_face *o = &f->open[victim];
  if (o->font) TTF_CloseFont(o->font);
  *o = (open_face){font, (int)role, px, f->tick};
  return font;
}

static int has_fonts(const char *dir) {
  char path[4096];
  if (snprintf(path, sizeof path, "%s/%s", dir, font_files[0]) >= (int)sizeof path) return 0;
  FILE *fp = fopen(path, "rb");
  if (!fp) return 0;
  fclose(fp);
  return 1;
}

/* Tries base + rel + "/fonts"; on success copies it into buf. */
static int try_dir(char *buf, size_t cap, const char *base, const char *rel) {
  if (!base || !*base) return LS_ENOENT;
  char dir[4096];
  if (snprintf(dir, sizeof dir, "%s%s/fonts", base, rel) >= (int)sizeof dir) return LS_ENOENT;
  if (!has_fonts(dir)) return LS_ENOENT;
  if (strlen(dir) + 1 > cap) return LS_EINVAL;
  memcpy(buf, dir, strlen(dir) + 1);
  return LS_OK;
}

int view_font_dir(char *buf, size_t cap) {
  int rc = try_dir(buf, cap, getenv("LOOPSCOPE_ASSETS"), "");
  if (rc != LS_ENOENT) return rc;
  /* SDL_GetBasePath ends with a separator. */
  char *base = SDL_GetBasePath();
  static const char *const rels[] = {"assets", "../../assets", "../share/loopscope/assets"};
  for (size_t i = 0; base && i < sizeof rels / sizeof rels[0]; i++) {
    rc = try_dir(buf, cap, base, rels[i]);
    if (rc != LS_ENOENT) break;
  }
  SDL_free(base);
  if (rc != LS_ENOENT) return rc;
  return try_dir(buf, cap, LS_ASSETS_DIR, "");
}

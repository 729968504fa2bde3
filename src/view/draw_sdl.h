/* draw_sdl.h -- the drawing backend on an SDL_Renderer, and an offscreen canvas. */
#ifndef LS_DRAW_SDL_H
#define LS_DRAW_SDL_H

#include <SDL.h>

#include "draw.h"
#include "draw_fonts.h"

typedef struct draw_sdl draw_sdl;

/* Draws on r with fonts from fonts; neither is owned. Free it before the renderer: it holds
   textures (the text cache) made by that renderer. NULL when out of memory. */
draw_sdl *draw_sdl_new(SDL_Renderer *r, draw_fonts *fonts);
void draw_sdl_free(draw_sdl *d); /* NULL is fine */
draw_ctx draw_sdl_ctx(draw_sdl *d, float scale, const struct view_theme *theme);
/* Drops every cached text texture, e.g. after SDL_RENDER_TARGETS_RESET. */
void draw_sdl_flush_cache(draw_sdl *d);

/* What the text cache did, to test it and to tune its bounds. */
typedef struct draw_sdl_stats {
  size_t hits, misses, evictions;
  size_t entries, bytes; /* held now */
} draw_sdl_stats;
draw_sdl_stats draw_sdl_get_stats(const draw_sdl *d);
/* Bounds of the text cache: entries and texture bytes (defaults 2048, 64 MiB). */
void draw_sdl_set_cache_limits(draw_sdl *d, size_t max_entries, size_t max_bytes);

/* An offscreen picture: an ARGB8888 surface and a software renderer on it (no window, no GL),
   as tests, `shot` and PNG/GIF export use. */
typedef struct draw_canvas draw_canvas;
draw_canvas *draw_canvas_new(int w, int h, draw_fonts *fonts); /* NULL: see SDL_GetError() */
void draw_canvas_free(draw_canvas *c);                         /* NULL is fine */
draw_ctx draw_canvas_ctx(draw_canvas *c, float scale, const struct view_theme *theme);
draw_sdl *draw_canvas_backend(draw_canvas *c);
/* The pixels, with everything drawn so far flushed into them. */
SDL_Surface *draw_canvas_surface(draw_canvas *c);
draw_color draw_canvas_pixel(draw_canvas *c, int x, int y); /* 0 outside */
int draw_canvas_save_png(draw_canvas *c, const char *path); /* 0, or -1: see SDL_GetError() */

#endif

/* draw_fonts.h -- font files behind the font roles, opened once per size, for both backends. */
#ifndef LS_DRAW_FONTS_H
#define LS_DRAW_FONTS_H

#include <SDL_ttf.h>
#include <stddef.h>

#include "draw.h"

typedef struct draw_fonts draw_fonts;

/* Reads the three font files from dir (see view_font_dir) into memory and starts SDL_ttf.
   NULL when a file is missing or unreadable, or out of memory; SDL_GetError() says which. */
draw_fonts *draw_fonts_new(const char *dir);
void draw_fonts_free(draw_fonts *f); /* NULL is fine */

/* The face for a role at px pixels, opened on first use and kept (a bounded number of sizes,
   least recently used closed first). Owned by f: valid until the next draw_fonts_get call that
   opens a size, so use it at once. NULL on failure. */
TTF_Font *draw_fonts_get(draw_fonts *f, draw_font role, int px);

/* The names an SVG viewer should look for, most specific first (CSS font-family syntax). */
const char *draw_font_family(draw_font role);
const char *draw_font_file(draw_font role); /* file name inside the fonts folder */

/* Finds the folder holding the fonts: $LOOPSCOPE_ASSETS/fonts, then beside the executable
   (assets/, ../../assets/, ../share/loopscope/assets/), then the source tree's assets that
   CMake passes in as LS_ASSETS_DIR. Writes it into buf; 0, or LS_ENOENT when none holds them
   (or LS_EINVAL when buf is too small). */
int view_font_dir(char *buf, size_t cap);

#endif

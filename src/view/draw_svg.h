/* draw_svg.h -- the drawing backend that writes an SVG document, text kept as text. */
#ifndef LS_DRAW_SVG_H
#define LS_DRAW_SVG_H

#include <stddef.h>

#include "draw.h"
#include "draw_fonts.h"

typedef struct draw_svg draw_svg;

/* A document of w x h device pixels. Text is measured with the same TTF faces the SDL backend
   uses (fonts is not owned), so both lay out identically. NULL when out of memory. */
draw_svg *draw_svg_new(draw_fonts *fonts, int w, int h);
void draw_svg_free(draw_svg *s); /* NULL is fine */
draw_ctx draw_svg_ctx(draw_svg *s, float scale, const struct view_theme *theme);
/* Closes any open clip groups and the document; returns the whole text (owned by s, valid
   until draw_svg_free) or NULL when memory ran out on the way. Drawing after it is ignored. */
const char *draw_svg_finish(draw_svg *s, size_t *len);

#endif

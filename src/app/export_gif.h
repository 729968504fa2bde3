/* export_gif.h -- the timeline growing as the run plays, as a looping animated GIF (giflib). */
#ifndef APP_EXPORT_GIF_H
#define APP_EXPORT_GIF_H

#include <stddef.h>

#include "draw_fonts.h"
#include "view_theme.h"
#include "view_timeline.h"

/* Draws tl with the playhead moving from o->from to the end (cut: only what had happened), then
   holds a last frame drawn exactly as the PNG export draws it. Pixels are w x h (area is in
   layout units, scale the canvas' pixels per unit). One global palette: the last frame's most
   frequent colours, so flat theme colours are exact; nearest colour otherwise, no dithering.
   Written to a temporary and renamed. 0, or 2 with err set. */
int export_gif(const view_timeline *tl, draw_fonts *fonts, const view_theme *theme,
               const view_tl_opts *o, draw_rect area, int w, int h, float scale,
               const char *path, char *err, size_t errlen);

#endif

/* shot.h -- `loopscope shot`: the whole window as it looks at one clock time, headless. */
#ifndef APP_SHOT_H
#define APP_SHOT_H

#include <SDL.h>
#include <stddef.h>

#include "cli.h"
#include "draw_sdl.h"
#include "lesson.h"
#include "view_theme.h"

int app_shot(const cli *c); /* the process exit status */

/* The screen of a lesson at a playback position, drawn into a new w x h canvas (free it with
   draw_canvas_free); NULL with SDL_GetError() on failure. The window's screenshots use it too.
 */
draw_canvas *app_shot_canvas(const app_lesson *l, const view_play *p, view_lang lang,
                             const view_theme *theme, int w, int h, float zoom,
                             draw_fonts *fonts, view_screen_layout *layout_out,
                             view_screen_out *out);

/* Writes a surface as PNG through a temporary file and a rename. 0, or -1 with err set. */
int app_save_png(SDL_Surface *s, const char *path, char *err, size_t errlen);

#endif

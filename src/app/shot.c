/* shot.c -- the window's picture without a window: the same screen drawn into an offscreen
 * canvas (software renderer), then written atomically. */
#include "shot.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "draw_fonts.h"
#include "fsutil.h"
#include "view_theme.h"

int app_save_png(SDL_Surface *s, const char *path, char *err, size_t errlen) {
  atomic_file a;
  if (atomic_open(&a, path) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return -1;
  }
  /* SDL_image writes through its own handle: give it the temporary's name, then rename. */
  fclose(a.f);
  a.f = NULL;
  if (IMG_SavePNG(s, a.tmp) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, SDL_GetError());
    unlink(a.tmp);
    return -1;
  }
  if (rename(a.tmp, a.path) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    unlink(a.tmp);
    return -1;
  }
  return 0;
}

draw_canvas *app_shot_canvas(const app_lesson *l, const view_play *p, view_lang lang,
                             const view_theme *theme, int w, int h, float zoom,
                             draw_fonts *fonts, view_screen_layout *layout_out,
                             view_screen_out *out) {
  draw_canvas *cv = draw_canvas_new(w, h, fonts);
  if (!cv) return NULL;
  view_screen_layout Lbuf, *Lp = layout_out ? layout_out : &Lbuf;
  view_screen_layout_rows(w, h, zoom, view_screen_timeline_rows(l->tl), Lp);
  const view_screen_layout L = *Lp;
  draw_ctx ctx = draw_canvas_ctx(cv, L.scale, theme);
  view_snap snap = {0};
  view_screen_model m = {.play = p, .hover_button = -1};
  app_lesson_model(l, lang, &m);
  if (view_state_run_count(l->vs) > 0 && view_state_at(l->vs, p->run, p->at, p->t, &snap) == 0)
    m.snap = &snap;
  m.code_track = view_code_track_new(); /* as the window follows the code */
  /* At the start, as the window opens a lesson: its first question, not yet answered. */
  static view_predict pr; /* large; a shot is drawn by one thread */
  app_lesson_predict(l, &pr);
  if (p->t == 0 && pr.phase == VIEW_PREDICT_ASK) m.predict = &pr;
  view_screen_draw(&ctx, &L, &m, out);
  view_code_track_free(m.code_track);
  view_snap_free(&snap);
  return cv;
}

int app_shot(const cli *c) {
  if (!c->shot_out) {
    fprintf(stderr, "loopscope: shot needs --out FILE.png\n");
    return 2;
  }
  const char *dot = strrchr(c->shot_out, '.');
  if (!dot || strcasecmp(dot, ".png") != 0) {
    fprintf(stderr, "loopscope: shot writes PNG: --out must end in .png, got '%s'\n",
            c->shot_out);
    return 2;
  }
  app_lesson *l = app_lesson_open(c->file);
  if (!l) {
    fprintf(stderr, "loopscope: out of memory\n");
    return 1;
  }
  if (l->status == LX_EUSAGE) {
    fprintf(stderr, "loopscope: %s\n", l->error);
    app_lesson_free(l);
    return 2;
  }
  if (l->status != LX_OK) fprintf(stderr, "%s\n", l->error);
  char dir[4096];
  draw_fonts *fonts = NULL;
  if (view_font_dir(dir, sizeof dir) == 0) fonts = draw_fonts_new(dir);
  if (!fonts) {
    fprintf(stderr, "loopscope: the fonts in assets/fonts were not found\n");
    app_lesson_free(l);
    return 2;
  }
  view_play p;
  app_lesson_play_init(l, &p);
  if (c->at >= 0)
    view_play_seek(l->vs, &p, LS_FROM_SEC(c->at));
  else
    view_play_end(l->vs, &p);
  view_lang lang = c->lang && !strcmp(c->lang, "en") ? VIEW_LANG_EN : VIEW_LANG_KO;
  const view_theme *th = view_theme_named(c->theme);
  int status = l->status == LX_OK ? 0 : 1;
  draw_canvas *cv = app_shot_canvas(l, &p, lang, th ? th : view_theme_light(), c->width,
                                    c->height, 1.0f, fonts, NULL, NULL);
  char err[1200];
  if (!cv) {
    fprintf(stderr, "loopscope: cannot draw: %s\n", SDL_GetError());
    status = 2;
  } else if (app_save_png(draw_canvas_surface(cv), c->shot_out, err, sizeof err) != 0) {
    fprintf(stderr, "loopscope: %s\n", err);
    status = 2;
  } else {
    fprintf(stderr, "wrote %s\n", c->shot_out);
  }
  draw_canvas_free(cv);
  draw_fonts_free(fonts);
  app_lesson_free(l);
  return status;
}

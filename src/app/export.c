/* export.c -- PNG through the offscreen canvas, SVG through the SVG backend; both drawn by the
 * same timeline code (GIF: export_gif.c), written to a temporary file and renamed. */
#include "export.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "draw_fonts.h"
#include "draw_sdl.h"
#include "draw_svg.h"
#include "export_gif.h"
#include "fsutil.h"
#include "view_theme.h"
#include "view_timeline.h"

static const char *ext_of(const char *path) {
  const char *dot = strrchr(path, '.');
  return dot ? dot + 1 : "";
}

static int fill_timeline(view_timeline *tl, lx_rt *rt) {
  size_t n = lx_run_count(rt);
  for (size_t i = 0; i < n && i < VIEW_TL_MAX_RUNS; i++) {
    const lx_runinfo *r = lx_run_get(rt, i);
    if (view_timeline_add_run(tl, r->name, r->trace) < 0) return -1;
  }
  return 0;
}

int app_export(lx_rt *rt, const cli *c, char *err, size_t errlen) {
  const char *ext = ext_of(c->export_out);
  int png = !strcasecmp(ext, "png"), svg = !strcasecmp(ext, "svg"), gif = !strcasecmp(ext, "gif");
  if (!png && !svg && !gif) {
    snprintf(err, errlen, "cannot export '%s': the picture formats are .png, .svg and .gif",
             c->export_out);
    return 2;
  }
  char dir[1024];
  draw_fonts *fonts = NULL;
  if (view_font_dir(dir, sizeof dir) == 0) fonts = draw_fonts_new(dir);
  if (!fonts) {
    snprintf(err, errlen, "cannot export: the fonts in assets/fonts were not found");
    return 2;
  }
  view_timeline *tl = view_timeline_new();
  int rc = 2;
  if (!tl || fill_timeline(tl, rt)) {
    snprintf(err, errlen, "cannot export: out of memory");
    goto done;
  }
  const lx_lesson *ls = lx_lesson_info(rt);
  int ko = !strcmp(c->lang, "ko");
  char title[512];
  const char *lt = ls ? (ko ? ls->title.ko : ls->title.en) : NULL;
  const char *base = strrchr(c->file, '/') ? strrchr(c->file, '/') + 1 : c->file;
  snprintf(title, sizeof title, "%s", lt ? lt : base);
  view_tl_opts o = {.title = title, .lang = ko ? VIEW_LANG_KO : VIEW_LANG_EN};
  if (c->from >= 0) o.from = LS_FROM_SEC(c->from);
  if (c->to >= 0) o.to = LS_FROM_SEC(c->to);
  const view_theme *theme = view_theme_named(c->theme);
  draw_rect area = {0, 0, (float)c->width, (float)c->height};
  int w = c->width * c->scale, h = c->height * c->scale;
  if (gif) {
    rc = export_gif(tl, fonts, theme, &o, area, w, h, (float)c->scale, c->export_out, err, errlen);
  } else if (png) {
    draw_canvas *cv = draw_canvas_new(w, h, fonts);
    if (!cv) {
      snprintf(err, errlen, "cannot export: %s", SDL_GetError());
      goto done;
    }
    draw_ctx ctx = draw_canvas_ctx(cv, (float)c->scale, theme);
    view_timeline_draw(tl, &ctx, area, &o, NULL, NULL);
    atomic_file a;
    if (atomic_open(&a, c->export_out) != 0) {
      snprintf(err, errlen, "cannot write %s: %s", c->export_out, strerror(errno));
      draw_canvas_free(cv);
      goto done;
    }
    /* SDL writes through its own handle: hand it the temporary's name, then commit */
    fclose(a.f);
    a.f = NULL;
    if (IMG_SavePNG(draw_canvas_surface(cv), a.tmp) != 0 || rename(a.tmp, a.path) != 0) {
      snprintf(err, errlen, "cannot write %s: %s", c->export_out, SDL_GetError());
      unlink(a.tmp);
    } else {
      rc = 0;
    }
    draw_canvas_free(cv);
  } else {
    draw_svg *s = draw_svg_new(fonts, w, h);
    if (!s) {
      snprintf(err, errlen, "cannot export: out of memory");
      goto done;
    }
    draw_ctx ctx = draw_svg_ctx(s, (float)c->scale, theme);
    view_timeline_draw(tl, &ctx, area, &o, NULL, NULL);
    size_t len;
    const char *text = draw_svg_finish(s, &len);
    atomic_file a;
    if (!text) {
      snprintf(err, errlen, "cannot export: out of memory");
    } else if (atomic_open(&a, c->export_out) != 0) {
      snprintf(err, errlen, "cannot write %s: %s", c->export_out, strerror(errno));
    } else if (fwrite(text, 1, len, a.f) != len || atomic_commit(&a) != 0) {
      atomic_abort(&a);
      snprintf(err, errlen, "cannot write %s: %s", c->export_out, strerror(errno));
    } else {
      rc = 0;
    }
    draw_svg_free(s);
  }
done:
  view_timeline_free(tl);
  draw_fonts_free(fonts);
  return rc;
}

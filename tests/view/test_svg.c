/* test_svg.c -- the SVG backend alone: elements, escaping, clip groups, same metrics as SDL. */
#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "draw_svg.h"
#include "view_theme.h"
#include "vt.h"

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

int vt_svg_basic(void) {
  draw_svg *s = draw_svg_new(vt_fonts(), 200, 100);
  VT_CHECK(s);
  draw_ctx c = draw_svg_ctx(s, 1, view_theme_light());
  draw_fill(&c, (draw_rect){0, 0, 200, 100}, 0xFFFFFFFF);
  draw_tag(&c, "seg run", "Task <2> & \"friends\"", LS_SEC / 2, 2 * LS_SEC);
  draw_fill(&c, (draw_rect){10, 10, 30, 8}, 0x2F6DB580);
  draw_clip_push(&c, (draw_rect){0, 0, 100, 50});
  draw_clip_push(&c, (draw_rect){0, 0, 0, 0}); /* empty: nothing inside is written */
  draw_fill(&c, (draw_rect){1, 1, 1, 1}, 0x123456FF);
  draw_clip_pop(&c);
  draw_text(&c, 10, 20, "a<b & \"c\" \xff 한글", DRAW_FONT_BOLD, 14, 0x000000FF);
  draw_line(&c, 0, 40, 100, 40, 1, 0x000000FF);
  draw_stroke(&c, (draw_rect){50, 50, 20, 20}, 2, 0x00FF00FF);
  draw_clip_push(&c, (draw_rect){0, 0, 50, 50}); /* left open: finish closes it */
  size_t len = 0;
  const char *doc = draw_svg_finish(s, &len);
  VT_CHECK(doc && len == strlen(doc));
  VT_CHECK(
      strstr(doc, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\""));
  VT_CHECK(strstr(doc, "class=\"seg run\" data-t0=\"0.5\" data-t1=\"2\""));
  VT_CHECK(strstr(doc, "<title>Task &lt;2&gt; &amp; &quot;friends&quot;</title>"));
  VT_CHECK(strstr(doc, "fill=\"#2f6db5\" fill-opacity=\"0.502\""));
  VT_CHECK(strstr(doc, "a&lt;b &amp; &quot;c&quot; \xEF\xBF\xBD 한글</text>"));
  VT_CHECK(strstr(doc, "font-weight=\"bold\""));
  VT_CHECK(!strstr(doc, "#123456"));
  VT_EQ(count(doc, "<g "), count(doc, "</g>"));
  VT_EQ(count(doc, "<clipPath"), 2);
  /* The text's baseline sits an ascent below the top, as SDL_ttf draws it. */
  TTF_Font *f = draw_fonts_get(vt_fonts(), DRAW_FONT_BOLD, 14);
  char want[64];
  snprintf(want, sizeof want, "<text x=\"10\" y=\"%d\"", 20 + TTF_FontAscent(f));
  VT_CHECK(strstr(doc, want));
  FILE *fp = fopen("svg_basic.svg", "wb");
  VT_CHECK(fp);
  fwrite(doc, 1, len, fp);
  fclose(fp);
  /* Drawing after finish is ignored. */
  draw_fill(&c, (draw_rect){0, 0, 1, 1}, 0xFFFFFFFF);
  VT_EQ(strlen(draw_svg_finish(s, NULL)), len);
  draw_svg_free(s);
  return 0;
}

/* Share of pixels that may differ between the SDL picture and the SVG as rsvg-convert draws it:
   only text anti-aliasing (FreeType through SDL_ttf vs. Pango) may differ. */
#define SVG_PNG_MAX_DIFF_SHARE 0.02
#define SVG_PNG_TOL 64
#define VT_SKIP 77

static SDL_Surface *load_rgba(const char *path) {
  SDL_Surface *s = IMG_Load(path);
  if (!s) return NULL;
  SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(s);
  return c;
}

int vt_svg_matches_png(void) {
  /* Made by view.timeline_pixels and by rsvg-convert from view.timeline_svg's file. */
  SDL_Surface *a = load_rgba("timeline_compare_en_light.png");
  SDL_Surface *b = load_rgba("timeline_compare_svg.png");
  if (!a || !b) {
    printf(
        "  skipped: run with rsvg-convert installed (ctest makes timeline_compare_svg.png)\n");
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return VT_SKIP;
  }
  VT_EQ(a->w, b->w);
  VT_EQ(a->h, b->h);
  long diff = 0;
  for (int y = 0; y < a->h; y++) {
    const uint8_t *pa = (const uint8_t *)a->pixels + (size_t)y * (size_t)a->pitch;
    const uint8_t *pb = (const uint8_t *)b->pixels + (size_t)y * (size_t)b->pitch;
    for (int x = 0; x < a->w * 4; x += 4) {
      int d = 0;
      for (int k = 0; k < 3; k++) {
        int e = abs(pa[x + k] - pb[x + k]);
        if (e > d) d = e;
      }
      if (d > SVG_PNG_TOL) diff++;
    }
  }
  double share = (double)diff / ((double)a->w * a->h);
  printf("  %ld of %d pixels differ (%.2f%%)\n", diff, a->w * a->h, 100 * share);
  VT_CHECK(share < SVG_PNG_MAX_DIFF_SHARE);
  SDL_FreeSurface(a);
  SDL_FreeSurface(b);
  return 0;
}

/* test_draw.c -- the SDL backend on its own: fills, clips, scaling, the text cache, Hangul. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "view_i18n.h"
#include "view_theme.h"
#include "vt.h"

/* A glyph must differ from the missing-glyph box in at least this share of its ink. */
#define HANGUL_MIN_DIFF_PIXELS 40
#define INK_TOL 40

int vt_i18n_table(void) {
  for (int id = 0; id < VIEW_S__COUNT; id++)
    for (int l = 0; l < VIEW_LANG__COUNT; l++)
      VT_CHECK(*view_str((view_lang)l, (view_str_id)id));
  VT_CHECK(strcmp(view_str(VIEW_LANG_KO, VIEW_S_RUNNING), "실행 중") == 0);
  VT_CHECK(strcmp(view_str(VIEW_LANG_EN, VIEW_S_BLOCKED), "blocked by time.sleep") == 0);
  VT_CHECK(strcmp(view_str(VIEW_LANG_KO, VIEW_S_TOTAL), "총") == 0);
  VT_CHECK(strcmp(view_str((view_lang)99, VIEW_S_PRINT), "print") == 0);
  VT_EQ(view_lang_parse("ko"), VIEW_LANG_KO);
  VT_EQ(view_lang_parse("en"), VIEW_LANG_EN);
  VT_EQ(view_lang_parse("fr"), -1);
  VT_CHECK(strcmp(view_lang_code(VIEW_LANG_KO), "ko") == 0);
  return 0;
}

int vt_font_dir(void) {
  char dir[4096];
  VT_EQ(view_font_dir(dir, sizeof dir), 0);
  VT_CHECK(strstr(dir, "fonts") != NULL);
  char tiny[4];
  VT_EQ(view_font_dir(tiny, sizeof tiny), LS_EINVAL);
  /* $LOOPSCOPE_ASSETS wins when it holds the fonts, and is skipped when it does not. */
  char assets[4096];
  snprintf(assets, sizeof assets, "%s", dir);
  *strrchr(assets, '/') = '\0';
  setenv("LOOPSCOPE_ASSETS", "/nonexistent", 1);
  char d2[4096];
  VT_EQ(view_font_dir(d2, sizeof d2), 0);
  setenv("LOOPSCOPE_ASSETS", assets, 1);
  VT_EQ(view_font_dir(d2, sizeof d2), 0);
  VT_CHECK(strncmp(d2, assets, strlen(assets)) == 0);
  unsetenv("LOOPSCOPE_ASSETS");
  VT_CHECK(draw_fonts_new("/nonexistent") == NULL);
  return 0;
}

int vt_draw_fill_clip(void) {
  draw_canvas *cv = draw_canvas_new(100, 80, vt_fonts());
  VT_CHECK(cv);
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  draw_fill(&c, (draw_rect){0, 0, 100, 80}, 0xFFFFFFFF);
  draw_fill(&c, (draw_rect){10, 10, 20, 20}, 0x336699FF);
  VT_COLOR(draw_canvas_pixel(cv, 10, 10), 0x336699FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 29, 29), 0x336699FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 30, 30), 0xFFFFFFFF, 0);
  /* Half-transparent black over white is mid grey. */
  draw_fill(&c, (draw_rect){50, 10, 10, 10}, 0x00000080);
  VT_COLOR(draw_canvas_pixel(cv, 55, 15), 0x7F7F7FFF, VT_FILL_TOL);
  /* Nested clips intersect; popping restores the outer one. */
  draw_clip_push(&c, (draw_rect){40, 40, 40, 30});
  draw_clip_push(&c, (draw_rect){0, 50, 60, 30});
  draw_fill(&c, (draw_rect){0, 0, 100, 80}, 0xFF0000FF);
  VT_COLOR(draw_canvas_pixel(cv, 45, 55), 0xFF0000FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 65, 55), 0xFFFFFFFF, 0); /* outside the inner clip */
  VT_COLOR(draw_canvas_pixel(cv, 45, 45), 0xFFFFFFFF, 0); /* outside the inner clip */
  draw_clip_pop(&c);
  draw_fill(&c, (draw_rect){0, 0, 100, 80}, 0x00FF00FF);
  VT_COLOR(draw_canvas_pixel(cv, 65, 45), 0x00FF00FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 20, 20), 0x336699FF, 0); /* outside the outer clip */
  draw_clip_pop(&c);
  /* An empty clip hides everything until popped. */
  draw_clip_push(&c, (draw_rect){0, 0, 10, 10});
  draw_clip_push(&c, (draw_rect){50, 50, 10, 10});
  draw_fill(&c, (draw_rect){0, 0, 100, 80}, 0x0000FFFF);
  draw_text(&c, 0, 0, "x", DRAW_FONT_UI, 12, 0x0000FFFF);
  VT_COLOR(draw_canvas_pixel(cv, 5, 5), 0xFFFFFFFF, 0);
  draw_clip_pop(&c);
  draw_clip_pop(&c);
  draw_fill(&c, (draw_rect){0, 0, 5, 5}, 0x0000FFFF);
  VT_COLOR(draw_canvas_pixel(cv, 2, 2), 0x0000FFFF, 0);
  /* Lines: axis-aligned ones are exact; stroke stays inside its rect. */
  draw_fill(&c, (draw_rect){0, 0, 100, 80}, 0xFFFFFFFF);
  draw_line(&c, 5, 70, 95, 70, 1, 0x000000FF);
  VT_COLOR(draw_canvas_pixel(cv, 50, 70), 0x000000FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 50, 71), 0xFFFFFFFF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 50, 69), 0xFFFFFFFF, 0);
  draw_line(&c, 10, 10, 60, 60, 3, 0x000000FF);
  VT_COLOR(draw_canvas_pixel(cv, 35, 35), 0x000000FF, 0);
  draw_stroke(&c, (draw_rect){70, 10, 20, 20}, 2, 0x00AA00FF);
  VT_COLOR(draw_canvas_pixel(cv, 70, 10), 0x00AA00FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 71, 20), 0x00AA00FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 72, 20), 0xFFFFFFFF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 80, 20), 0xFFFFFFFF, 0);
  /* Images blit where asked. */
  uint8_t px[4 * 4 * 4];
  for (int i = 0; i < 16; i++)
    memcpy(px + 4 * i, "\x10\x20\x30\xff", 4);
  draw_image(&c, (draw_rect){0, 0, 8, 8}, &(draw_pixels){4, 4, 16, px});
  VT_COLOR(draw_canvas_pixel(cv, 7, 7), 0x102030FF, VT_FILL_TOL);
  draw_canvas_free(cv);
  return 0;
}

int vt_draw_snap_scale(void) {
  draw_canvas *cv = draw_canvas_new(200, 100, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 2, view_theme_light());
  draw_fill(&c, (draw_rect){0, 0, 100, 50}, 0xFFFFFFFF);
  /* Layout units are doubled; a thin mark keeps at least one device pixel. */
  draw_fill(&c, (draw_rect){10.2f, 10, 5, 5}, 0x000000FFu);
  VT_COLOR(draw_canvas_pixel(cv, 20, 20), 0x000000FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 29, 29), 0x000000FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 30, 30), 0xFFFFFFFF, 0);
  draw_fill(&c, (draw_rect){50, 10, 0.1f, 5}, 0xFF0000FF);
  VT_COLOR(draw_canvas_pixel(cv, 100, 25), 0xFF0000FF, 0);
  VT_COLOR(draw_canvas_pixel(cv, 101, 25), 0xFFFFFFFF, 0);
  /* Text measures in layout units: twice the pixels at scale 2 measure the same. */
  draw_size a = draw_measure(&c, "Loopscope", DRAW_FONT_UI, 16);
  draw_ctx c1 = draw_canvas_ctx(cv, 1, view_theme_light());
  draw_size b = draw_measure(&c1, "Loopscope", DRAW_FONT_UI, 16);
  VT_CHECK(a.w > 0 && b.w > 0);
  VT_CHECK(a.w > b.w * 0.9f && a.w < b.w * 1.1f);
  draw_canvas_free(cv);
  return 0;
}

int vt_text_cache(void) {
  draw_canvas *cv = draw_canvas_new(300, 60, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  draw_sdl *d = draw_canvas_backend(cv);
  for (int frame = 0; frame < 100; frame++) {
    draw_fill(&c, (draw_rect){0, 0, 300, 60}, 0xFFFFFFFF);
    draw_text(&c, 4, 4, "Task-2 대기", DRAW_FONT_UI, 16, 0x000000FF);
  }
  draw_sdl_stats st = draw_sdl_get_stats(d);
  VT_EQ(st.misses, 1); /* rasterised once, not every frame */
  VT_EQ(st.hits, 99);
  VT_CHECK(vt_ink(cv, (draw_rect){0, 0, 300, 60}, 0xFFFFFFFF, INK_TOL) > 50);
  /* Colour and size and role are part of the key. */
  draw_text(&c, 4, 4, "Task-2 대기", DRAW_FONT_UI, 16, 0x0000FFFF);
  draw_text(&c, 4, 4, "Task-2 대기", DRAW_FONT_UI, 17, 0x000000FF);
  draw_text(&c, 4, 4, "Task-2 대기", DRAW_FONT_BOLD, 16, 0x000000FF);
  VT_EQ(draw_sdl_get_stats(d).misses, 4);
  /* Bounded: the least recently used go first. */
  draw_sdl_set_cache_limits(d, 10, (size_t)1 << 30);
  for (int i = 0; i < 50; i++) {
    char s[32];
    snprintf(s, sizeof s, "line %d", i);
    draw_text(&c, 4, 30, s, DRAW_FONT_CODE, 12, 0x000000FF);
  }
  st = draw_sdl_get_stats(d);
  VT_CHECK(st.entries <= 10);
  VT_CHECK(st.evictions >= 40);
  size_t misses = st.misses;
  draw_text(&c, 4, 30, "line 49", DRAW_FONT_CODE, 12, 0x000000FF); /* recent: kept */
  VT_EQ(draw_sdl_get_stats(d).misses, misses);
  draw_text(&c, 4, 30, "line 0", DRAW_FONT_CODE, 12, 0x000000FF); /* old: evicted */
  VT_EQ(draw_sdl_get_stats(d).misses, misses + 1);
  draw_sdl_set_cache_limits(d, 100, 1); /* a byte bound below one texture still draws */
  draw_text(&c, 4, 30, "big", DRAW_FONT_UI, 20, 0x000000FF);
  VT_CHECK(draw_sdl_get_stats(d).entries <= 1);
  draw_sdl_flush_cache(d);
  VT_EQ(draw_sdl_get_stats(d).entries, 0);
  VT_EQ(draw_sdl_get_stats(d).bytes, 0);
  draw_canvas_free(cv);
  return 0;
}

static int valid_utf8(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    int n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
    for (int i = 1; i < n; i++)
      if ((p[i] & 0xC0) != 0x80) return 0;
    p += n;
  }
  return 1;
}

int vt_text_fit(void) {
  draw_canvas *cv = draw_canvas_new(10, 10, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  char buf[256];
  const char *s = "a fairly long task name that cannot fit";
  VT_CHECK(draw_fit(&c, s, DRAW_FONT_UI, 14, 1000, buf, sizeof buf) == s);
  const char *t = draw_fit(&c, s, DRAW_FONT_UI, 14, 80, buf, sizeof buf);
  VT_CHECK(t == buf);
  VT_CHECK(draw_measure(&c, t, DRAW_FONT_UI, 14).w <= 80);
  VT_CHECK(strlen(t) > 4 && strcmp(t + strlen(t) - 3, "\xe2\x80\xa6") == 0);
  VT_CHECK(strncmp(t, s, 4) == 0);
  /* Hangul is cut between syllables, never inside one. */
  const char *k = "한국어로 된 아주 긴 작업 이름입니다";
  for (float w = 10; w < 300; w += 7) {
    t = draw_fit(&c, k, DRAW_FONT_UI, 14, w, buf, sizeof buf);
    VT_CHECK(valid_utf8(t));
    VT_CHECK(draw_measure(&c, t, DRAW_FONT_UI, 14).w <= w);
  }
  VT_CHECK(*draw_fit(&c, k, DRAW_FONT_UI, 14, 2, buf, sizeof buf) == '\0');
  draw_canvas_free(cv);
  return 0;
}

/* Renders one string on white and returns the canvas. */
static draw_canvas *render_one(const char *s) {
  draw_canvas *cv = draw_canvas_new(120, 90, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  draw_fill(&c, (draw_rect){0, 0, 120, 90}, 0xFFFFFFFF);
  draw_text(&c, 10, 10, s, DRAW_FONT_UI, 56, 0x000000FF);
  return cv;
}

static int diff_pixels(draw_canvas *a, draw_canvas *b) {
  int n = 0;
  for (int y = 0; y < 90; y++)
    for (int x = 0; x < 120; x++)
      if (draw_color_dist(draw_canvas_pixel(a, x, y), draw_canvas_pixel(b, x, y)) > INK_TOL)
        n++;
  return n;
}

int vt_hangul_not_tofu(void) {
  TTF_Font *f = draw_fonts_get(vt_fonts(), DRAW_FONT_UI, 56);
  VT_CHECK(f);
  VT_CHECK(TTF_GlyphIsProvided32(f, 0xD55C));    /* 한 */
  VT_CHECK(!TTF_GlyphIsProvided32(f, 0x10FFFD)); /* a private-use codepoint it lacks */
  VT_CHECK(TTF_GlyphIsProvided32(f, 0x2026));    /* the ellipsis draw_fit uses */
  VT_CHECK(TTF_GlyphIsProvided32(f, 0x3BC));     /* μ, for tick labels */
  VT_CHECK(TTF_GlyphIsProvided32(f, 0xD7));      /* ×, in merged segments' titles */
  draw_canvas *han = render_one("한");
  draw_canvas *miss = render_one("\xF4\x8F\xBF\xBD");  /* U+10FFFD */
  draw_canvas *miss2 = render_one("\xF4\x8F\xBF\xBC"); /* U+10FFFC */
  VT_CHECK(han && miss && miss2);
  draw_rect all = {0, 0, 120, 90};
  int ink = vt_ink(han, all, 0xFFFFFFFF, INK_TOL);
  printf("  ink of 한: %d px; differs from the missing glyph in %d px; two missing glyphs "
         "differ in %d px\n",
         ink, diff_pixels(han, miss), diff_pixels(miss, miss2));
  VT_CHECK(ink > HANGUL_MIN_DIFF_PIXELS);
  VT_CHECK(diff_pixels(han, miss) > HANGUL_MIN_DIFF_PIXELS);
  /* Two missing codepoints draw the same thing, so the comparison above means something. */
  VT_EQ(diff_pixels(miss, miss2), 0);
  draw_canvas_save_png(han, "hangul_han.png");
  draw_canvas_save_png(miss, "hangul_missing.png");
  draw_canvas_free(han);
  draw_canvas_free(miss);
  draw_canvas_free(miss2);
  return 0;
}

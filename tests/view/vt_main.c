/* vt_main.c -- runs one view test by name (as ctest does), or all of them in turn. */
#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "vt.h"

typedef struct vt_case {
  const char *name;
  int (*fn)(void);
} vt_case;

static const vt_case cases[] = {
#define VT_TEST(name) {#name, vt_##name},
#include "vt_list.h"
#undef VT_TEST
};

static draw_fonts *fonts;

draw_fonts *vt_fonts(void) {
  return fonts;
}

int main(int argc, char **argv) {
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  char dir[4096];
  if (view_font_dir(dir, sizeof dir) != 0 || !(fonts = draw_fonts_new(dir))) {
    fprintf(stderr, "fonts: %s\n", SDL_GetError());
    SDL_Quit();
    return 1;
  }
  int failed = 0, ran = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    if (argc > 1 && strcmp(argv[1], cases[i].name) != 0) continue;
    ran++;
    int rc = cases[i].fn();
    printf("%s %s\n", rc ? "FAIL" : "ok  ", cases[i].name);
    failed += rc != 0;
  }
  if (ran == 0) fprintf(stderr, "no test named %s\n", argv[1]);
  draw_fonts_free(fonts);
  SDL_Quit();
  return failed || ran == 0;
}

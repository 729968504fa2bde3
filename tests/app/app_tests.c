/* app_tests.c -- the program's own pieces: `shot` draws what the window draws, lessons load
 * (and fail) as they should, the lesson list reads titles without running anything, and every
 * lesson in lessons/ plays forward and back. Run as: app_tests NAME [ARGS]. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "draw_fonts.h"
#include "lesson.h"
#include "progress.h"
#include "shot.h"
#include "view_links.h"
#include "view_theme.h"

#define CHECK(cond)                                                                            \
  do {                                                                                         \
    if (!(cond)) {                                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                 \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

#define EQ(a, b)                                                                               \
  do {                                                                                         \
    long long a_ = (long long)(a), b_ = (long long)(b);                                        \
    if (a_ != b_) {                                                                            \
      fprintf(stderr, "%s:%d: %s == %s: %lld != %lld\n", __FILE__, __LINE__, #a, #b, a_, b_);  \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

static draw_fonts *fonts;

static draw_color surface_pixel(SDL_Surface *s, int x, int y) {
  Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
  Uint8 r, g, b, a;
  SDL_GetRGBA(p, s->format, &r, &g, &b, &a);
  return DRAW_RGBA(r, g, b, a);
}

/* shot_matches LESSON AT PNG W H LANG THEME: the PNG `loopscope shot` wrote is the screen this
   process draws for the same lesson and time, and it shows the facts of lesson 1 there. */
static int shot_matches(int argc, char **argv) {
  if (argc < 9) return 2;
  const char *lesson = argv[2], *png = argv[4], *lang_s = argv[7], *theme_s = argv[8];
  double at = atof(argv[3]);
  int w = atoi(argv[5]), h = atoi(argv[6]);
  SDL_Surface *img0 = IMG_Load(png);
  CHECK(img0 != NULL);
  SDL_Surface *img = SDL_ConvertSurfaceFormat(img0, SDL_PIXELFORMAT_ARGB8888, 0);
  SDL_FreeSurface(img0);
  CHECK(img && img->w == w && img->h == h);
  app_lesson *l = app_lesson_open(lesson);
  CHECK(l && l->status == LX_OK);
  view_play p;
  app_lesson_play_init(l, &p);
  view_play_seek(l->vs, &p, LS_FROM_SEC(at));
  const view_theme *th = view_theme_named(theme_s);
  view_lang lang = view_lang_parse(lang_s) == VIEW_LANG_EN ? VIEW_LANG_EN : VIEW_LANG_KO;
  view_screen_layout L;
  view_screen_out out;
  draw_canvas *cv = app_shot_canvas(l, &p, lang, th, w, h, 1.0f, fonts, &L, &out);
  CHECK(cv != NULL);
  /* Pixel for pixel: one code path. */
  long differ = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (draw_color_dist(surface_pixel(img, x, y) | 0xFF, draw_canvas_pixel(cv, x, y) | 0xFF) >
          2)
        differ++;
  printf("shot_matches: %ld of %d px differ\n", differ, w * h);
  if (differ) draw_canvas_save_png(cv, "shot_expected.png");
  EQ(differ, 0);
  /* Facts, read from the file: the playhead's column, the blocked colour over sync_main, a
     waiting bar in its task's colour in async_main. */
  CHECK(out.tl_ok && out.tl.nruns == 2);
  float s = L.scale;
  const view_tl_layout *T = &out.tl;
  float x = view_tl_x(T, LS_FROM_SEC(at)), gap_y = T->run[1].rows.y - 2;
  CHECK(draw_color_dist(surface_pixel(img, (int)(x * s), (int)(gap_y * s)), th->playhead) <= 2);
  draw_rect row = view_tl_row(T, 0, 0);
  float top = row.y + (row.h - T->run[0].bar_h) / 2 + 1.5f;
  CHECK(draw_color_dist(
            surface_pixel(img, (int)(view_tl_x(T, LS_FROM_SEC(at / 2)) * s), (int)(top * s)),
            th->blocked) <= 2);
  draw_rect r1 = view_tl_row(T, 1, 1);
  ls_id id = view_timeline_task(l->tl, 1, 1)->id;
  float wy = r1.y + (r1.h - T->run[1].bar_h) / 2 + 1.5f;
  CHECK(draw_color_dist(
            surface_pixel(img, (int)(view_tl_x(T, LS_FROM_SEC(at / 2)) * s), (int)(wy * s)),
            view_theme_task_waiting(th, id)) <= 2);
  draw_canvas_free(cv);
  SDL_FreeSurface(img);
  app_lesson_free(l);
  return 0;
}

static int write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(text, f);
  return fclose(f);
}

/* A syntax error, a failing task, an unreadable file: each is held, with its message and line,
   and whatever ran is kept to show. */
static int lesson_errors(void) {
  char dir[] = "/tmp/loopscope-app-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char a[256], b[256];
  snprintf(a, sizeof a, "%s/syntax.lua", dir);
  snprintf(b, sizeof b, "%s/fails.lua", dir);
  CHECK(write_file(
            a, "lesson { title = 'x' }\nmain = async(function()\n  print('hi'\nend)\n") == 0);
  CHECK(write_file(b,
                   "main = async(function()\n  await(asyncio.sleep(1))\n  print('about to')\n"
                   "  error('boom')\nend)\n") == 0);
  app_lesson *l = app_lesson_open(a);
  CHECK(l);
  EQ(l->status, LX_EFAIL);
  CHECK(strstr(l->error, "syntax.lua:4:") != NULL);
  EQ(l->error_line, 4);
  EQ(view_state_run_count(l->vs), 0);
  CHECK(l->source && strstr(l->source, "print('hi'") != NULL);
  EQ(view_code_lines(l->code), 4);
  app_lesson_free(l);
  l = app_lesson_open(b);
  CHECK(l);
  EQ(l->status, LX_EFAIL);
  CHECK(strstr(l->error, "boom") != NULL);
  EQ(l->error_line, 4);
  EQ(view_state_run_count(l->vs), 1);
  EQ(view_state_run_end(l->vs, 0), LS_SEC);
  /* Drawn with the error in place of the explanation. */
  view_play p;
  app_lesson_play_init(l, &p);
  view_play_end(l->vs, &p);
  draw_canvas *cv =
      app_shot_canvas(l, &p, VIEW_LANG_EN, view_theme_light(), 1280, 720, 1, fonts, NULL, NULL);
  CHECK(cv);
  draw_canvas_save_png(cv, "lesson_fails.png");
  draw_canvas_free(cv);
  app_lesson_free(l);
  l = app_lesson_open("/nonexistent/lesson.lua");
  CHECK(l);
  EQ(l->status, LX_EUSAGE);
  app_lesson_free(l);
  /* A change on disk is seen. */
  l = app_lesson_open(b);
  CHECK(!app_lesson_changed(l));
  sleep(1);
  CHECK(write_file(b, "main = async(function() print('changed') end)\n") == 0);
  CHECK(app_lesson_changed(l));
  app_lesson_free(l);
  unlink(a);
  unlink(b);
  rmdir(dir);
  return 0;
}

static int peek(void) {
  char *t[VIEW_LANG__COUNT], *x[VIEW_LANG__COUNT];
  app_lesson_peek(
      "-- Lesson\nlesson {\n  id = 'a',\n  title = { ko = \"동기\", en = 'Sync \\'q\\'' },\n"
      "  text = { en = [[\nFirst line. Second.]], ko = [==[하나]==] },\n}\n",
      t, x);
  CHECK(t[VIEW_LANG_KO] && !strcmp(t[VIEW_LANG_KO], "동기"));
  CHECK(t[VIEW_LANG_EN] && !strcmp(t[VIEW_LANG_EN], "Sync 'q'"));
  CHECK(x[VIEW_LANG_EN] && !strcmp(x[VIEW_LANG_EN], "First line. Second."));
  CHECK(x[VIEW_LANG_KO] && !strcmp(x[VIEW_LANG_KO], "하나"));
  for (int i = 0; i < VIEW_LANG__COUNT; i++)
    free(t[i]), free(x[i]);
  /* One string for both; a title in a comment or a nested table does not count. */
  app_lesson_peek(
      "-- lesson { title = 'no' }\nlesson({ predict = { title = 'no' }, title = 'yes' })\n", t,
      x);
  CHECK(t[VIEW_LANG_KO] && !strcmp(t[VIEW_LANG_KO], "yes"));
  CHECK(t[VIEW_LANG_EN] && !strcmp(t[VIEW_LANG_EN], "yes"));
  CHECK(!x[VIEW_LANG_KO] && !x[VIEW_LANG_EN]);
  for (int i = 0; i < VIEW_LANG__COUNT; i++)
    free(t[i]), free(x[i]);
  app_lesson_peek("print('no lesson here')", t, x);
  CHECK(!t[0] && !t[1]);
  return 0;
}

static int lessons_scan(const char *dir) {
  app_lessons l = {0};
  EQ(app_lessons_scan(&l, dir), 0);
  CHECK(l.n >= 1);
  CHECK(!strcmp(l.e[0].file, "01_sync_vs_async.lua"));
  CHECK(l.e[0].title[VIEW_LANG_KO] && !strcmp(l.e[0].title[VIEW_LANG_KO], "동기 vs 비동기"));
  CHECK(l.e[0].title[VIEW_LANG_EN] && !strcmp(l.e[0].title[VIEW_LANG_EN], "Sync vs async"));
  CHECK(l.e[0].line[VIEW_LANG_EN] && !strncmp(l.e[0].line[VIEW_LANG_EN], "Synchronous", 11));
  for (size_t i = 1; i < l.n; i++)
    CHECK(strcmp(l.e[i - 1].file, l.e[i].file) < 0);
  app_lessons_clear(&l);
  EQ(app_lessons_scan(&l, "/nonexistent"), -1);
  setenv("LOOPSCOPE_LESSONS", dir, 1);
  char found[4096];
  EQ(app_lessons_dir(found, sizeof found), 0);
  CHECK(!strcmp(found, dir));
  return 0;
}

/* Every lesson: loads, plays to the end by steps, back to the start by steps, and draws. */
static int all_lessons(const char *dir) {
  app_lessons ls = {0};
  EQ(app_lessons_scan(&ls, dir), 0);
  CHECK(ls.n >= 1);
  int bad = 0;
  for (size_t i = 0; i < ls.n; i++) {
    app_lesson *l = app_lesson_open(ls.e[i].path);
    CHECK(l);
    size_t runs = view_state_run_count(l->vs);
    if (l->status != LX_OK) /* lessons are work in progress elsewhere: report, do not fail */
      printf("  %s: %s\n", ls.e[i].file, l->error);
    view_play p;
    app_lesson_play_init(l, &p);
    view_snap snap = {0};
    size_t steps = 0, n = view_state_records(l->vs, p.run);
    while (runs && view_play_step(l->vs, &p, 1) && steps < 200000) {
      CHECK(view_state_at(l->vs, p.run, p.at, p.t, &snap) == 0);
      steps++;
    }
    CHECK(!runs || p.at == n);
    while (runs && view_play_step(l->vs, &p, -1))
      CHECK(view_state_at(l->vs, p.run, p.at, p.t, &snap) == 0);
    CHECK(p.at == 0 && p.t == 0);
    /* Three pictures: the start, the middle and the end, in both languages. */
    ls_time end = view_state_end(l->vs);
    for (int k = 0; k < 3; k++) {
      view_play_seek(l->vs, &p, end * k / 2);
      draw_canvas *cv = app_shot_canvas(l, &p, k == 1 ? VIEW_LANG_KO : VIEW_LANG_EN,
                                        k == 2 ? view_theme_dark() : view_theme_light(), 960,
                                        540, 1, fonts, NULL, NULL);
      CHECK(cv);
      draw_canvas_free(cv);
    }
    printf("  %-28s %zu runs, %zu records stepped through and back\n", ls.e[i].file, runs,
           steps);
    view_snap_free(&snap);
    app_lesson_free(l);
  }
  app_lessons_clear(&ls);
  return bad;
}

/* Progress: written and read back, a corrupt file and a missing one start empty; lesson 1's
   predict questions and id come through lesson{}. */
static int progress(const char *l1) {
  char dir[] = "/tmp/ls-progress-XXXXXX", path[256], file[300];
  CHECK(mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/cfg/loopscope/progress", dir);
  setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
  CHECK(app_progress_path(file, sizeof file) == 0 && !strcmp(file, "/x/cfg/loopscope/progress"));
  app_progress p = {0};
  CHECK(app_progress_load(&p, path) == 1 && p.ndone == 0); /* missing: empty, quietly */
  CHECK(app_progress_set_done(&p, "sync-vs-async"));
  CHECK(!app_progress_set_done(&p, "sync-vs-async"));
  CHECK(!app_progress_set_done(&p, "has space"));
  CHECK(app_progress_set_answer(&p, "sync-vs-async", 1, 1));
  CHECK(app_progress_set_answer(&p, "sync-vs-async", 2, 2));
  CHECK(app_progress_set_answer(&p, "sync-vs-async", 1, 2)); /* changed */
  CHECK(app_progress_save(&p) == 0); /* makes cfg/loopscope */
  app_progress q = {0};
  CHECK(app_progress_load(&q, path) == 0);
  CHECK(q.ndone == 1 && app_progress_is_done(&q, "sync-vs-async"));
  CHECK(!app_progress_is_done(&q, "coroutines"));
  CHECK(q.nanswers == 2 && app_progress_answer(&q, "sync-vs-async", 1) == 2 &&
        app_progress_answer(&q, "sync-vs-async", 2) == 2 &&
        app_progress_answer(&q, "sync-vs-async", 3) == -1);
  /* No temporary left beside it. */
  snprintf(file, sizeof file, "%s/cfg/loopscope", dir);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = progress", file);
  CHECK(system(cmd) == 0);
  /* Corrupt: garbage, a bad line after good ones, an empty file. */
  const char *bad[] = {"\x01\x02garbage\n", "loopscope-progress 1\ndone a\nanswer b x y\n", ""};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    fputs(bad[i], f);
    fclose(f);
    CHECK(app_progress_load(&q, path) == -1);
    CHECK(q.ndone == 0 && q.nanswers == 0);
  }
  /* And it can be saved over. */
  CHECK(app_progress_save(&p) == 0 && app_progress_load(&q, path) == 0 && q.ndone == 1);
  app_progress_clear(&p);
  app_progress_clear(&q);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);

  /* Lesson 1 carries its questions; the browser reads its id without running it. */
  app_lesson *l = app_lesson_open(l1);
  CHECK(l && l->status == LX_OK);
  CHECK(app_lesson_id(l) && !strcmp(app_lesson_id(l), "sync-vs-async"));
  view_predict *pr = calloc(1, sizeof *pr);
  CHECK(pr != NULL);
  app_lesson_predict(l, pr);
  CHECK(pr->n == 2 && pr->phase == VIEW_PREDICT_ASK);
  CHECK(pr->q[0].nchoices == 3 && pr->q[0].answer == 2 && pr->q[0].at == LS_FROM_SEC(3.0));
  CHECK(!strcmp(pr->q[0].choices[1], "Task 3, 1, 2"));
  CHECK(strstr(pr->q[0].why[VIEW_LANG_EN], "shortest sleep"));
  CHECK(strstr(pr->q[1].ask[VIEW_LANG_KO], "몇 초"));
  free(pr);
  app_lesson_free(l);
  char *src = NULL;
  FILE *f = fopen(l1, "rb");
  CHECK(f != NULL);
  src = calloc(1, 1 << 16);
  CHECK(src && fread(src, 1, (1 << 16) - 1, f) > 0);
  fclose(f);
  char *id = app_lesson_peek_id(src);
  CHECK(id && !strcmp(id, "sync-vs-async"));
  free(id);
  free(src);
  return 0;
}

/* exercise LESSON SOLVED: an exercise as shipped shows its goal and what is still wrong; the
   solved copy shows "passed". Both go through the screen model the window and `shot` draw. */
static int exercise(const char *lesson, const char *solved) {
  app_lesson *l = app_lesson_open(lesson);
  CHECK(l && l->status == LX_OK && l->exercise);
  CHECK(!l->check.ok && l->check.line == 4 && l->check.total_bad);
  view_screen_model m = {.hover_button = -1};
  app_lesson_model(l, VIEW_LANG_EN, &m);
  CHECK(m.goal && strstr(m.goal, "under 3.1 s") != NULL);
  CHECK(m.verdict && !m.verdict_ok);
  CHECK(!strcmp(m.verdict, "✗ line 4: expected '총 실행 시간: 3.00초', got '총 실행 시간: 6.00초'"));
  memset(&m, 0, sizeof m);
  app_lesson_model(l, VIEW_LANG_KO, &m);
  CHECK(m.goal && strstr(m.goal, "3.1초") != NULL);
  CHECK(m.verdict && !strncmp(m.verdict, "✗ 4번째 줄", strlen("✗ 4번째 줄")));
  view_play p;
  app_lesson_play_init(l, &p);
  draw_canvas *cv =
      app_shot_canvas(l, &p, VIEW_LANG_EN, view_theme_light(), 1280, 720, 1, fonts, NULL, NULL);
  CHECK(cv);
  draw_canvas_free(cv);
  app_lesson_free(l);
  l = app_lesson_open(solved);
  CHECK(l && l->status == LX_OK && l->exercise && l->check.ok);
  memset(&m, 0, sizeof m);
  app_lesson_model(l, VIEW_LANG_EN, &m);
  CHECK(m.verdict && m.verdict_ok && !strcmp(m.verdict, "✓ passed"));
  /* "passed" is drawn in the theme's green, at the top of the explanation panel */
  app_lesson_play_init(l, &p);
  cv = app_shot_canvas(l, &p, VIEW_LANG_EN, view_theme_light(), 1280, 720, 1, fonts, NULL, NULL);
  CHECK(cv);
  view_screen_layout L;
  view_screen_layout_compute(1280, 720, 1.0f, &L);
  draw_rect e = L.panel[VIEW_PANEL_EXPLAIN];
  int green = 0;
  for (int y = (int)e.y; y < (int)(e.y + 70) && cv; y++)
    for (int x = (int)e.x; x < (int)(e.x + e.w); x++)
      green += draw_color_dist(draw_canvas_pixel(cv, x, y), view_theme_light()->ok) < 40;
  printf("  passed verdict: %d green px\n", green);
  CHECK(green > 40);
  draw_canvas_free(cv);
  app_lesson_free(l);
  return 0;
}

/* gather_premade LESSON: tasks made before the gather that awaits them still draw their
   arrow into the gather's row (an explicit GATHER_CHILD record names them). */
static int gather_premade(const char *lesson) {
  app_lesson *l = app_lesson_open(lesson);
  CHECK(l && l->status == LX_OK);
  view_play p;
  app_lesson_play_init(l, &p);
  view_play_seek(l->vs, &p, LS_FROM_SEC(0.5));
  view_screen_out *out = calloc(1, sizeof *out);
  CHECK(out != NULL);
  draw_canvas *cv =
      app_shot_canvas(l, &p, VIEW_LANG_EN, view_theme_light(), 1280, 720, 1, fonts, NULL, out);
  CHECK(cv);
  view_snap snap;
  memset(&snap, 0, sizeof snap);
  CHECK(view_state_at(l->vs, p.run, p.at, p.t, &snap) == 0);
  view_arrow a[64];
  size_t n = view_links_arrows(l->vs, &snap, &out->hits, a, 64);
  size_t child = 0;
  for (size_t i = 0; i < n && i < 64; i++) child += a[i].kind == VIEW_ARROW_CHILD;
  printf("  %zu arrows, %zu from a child to its gather\n", n, child);
  CHECK(child == 2);
  view_snap_free(&snap);
  draw_canvas_free(cv);
  free(out);
  app_lesson_free(l);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr,
            "usage: app_tests shot_matches|lesson_errors|peek|lessons_scan|all_lessons\n");
    return 2;
  }
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  char dir[4096];
  if (view_font_dir(dir, sizeof dir) != 0 || !(fonts = draw_fonts_new(dir))) {
    fprintf(stderr, "fonts: %s\n", SDL_GetError());
    return 1;
  }
  int rc = 2;
  const char *t = argv[1];
  if (!strcmp(t, "shot_matches"))
    rc = shot_matches(argc, argv);
  else if (!strcmp(t, "lesson_errors"))
    rc = lesson_errors();
  else if (!strcmp(t, "peek"))
    rc = peek();
  else if (!strcmp(t, "lessons_scan") && argc > 2)
    rc = lessons_scan(argv[2]);
  else if (!strcmp(t, "progress") && argc > 2)
    rc = progress(argv[2]);
  else if (!strcmp(t, "exercise") && argc > 3)
    rc = exercise(argv[2], argv[3]);
  else if (!strcmp(t, "gather_premade") && argc > 2)
    rc = gather_premade(argv[2]);
  else if (!strcmp(t, "all_lessons") && argc > 2)
    rc = all_lessons(argv[2]);
  else
    fprintf(stderr, "no test named %s\n", t);
  printf("%s %s\n", rc ? "FAIL" : "ok  ", t);
  draw_fonts_free(fonts);
  SDL_Quit();
  return rc;
}

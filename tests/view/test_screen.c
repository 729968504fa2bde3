/* test_screen.c -- the whole screen: layout rectangles at many sizes, then lesson 1's screen
 * drawn at chosen times with facts read back from the pixels; code lexing; text wrapping;
 * the lesson list; 1,000 tasks. */
#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view_browser.h"
#include "view_panels.h"
#include "view_screen.h"
#include "view_theme.h"
#include "vt.h"
#include "vt_lesson.h"

#define S(x) LS_FROM_SEC(x)

static const char *const explain_ko =
    "동기 프로그래밍: 작업이 순차적으로 실행되며, 각 작업이 완료될 때까지 다음 작업을 "
    "기다립니다.\n비동기 프로그래밍: 작업을 시작한 뒤 완료를 기다리지 않고 다른 작업을 수행할 "
    "수 "
    "있습니다.";
static const char *const explain_en =
    "Synchronous: jobs run one after another; each waits for the previous one to finish.\n"
    "Asynchronous: a job starts, and while it waits the loop runs other jobs.";

typedef struct screen {
  ls_trace *sync, *async;
  view_state *vs;
  view_timeline *tl;
  view_code *code;
  view_play play;
  view_snap snap;
  view_screen_layout L;
  view_screen_out out;
  draw_canvas *cv;
  const view_theme *th;
} screen;

static int screen_open(screen *s, int w, int h) {
  memset(s, 0, sizeof *s);
  s->sync = vt_l1_sync();
  s->async = vt_l1_async();
  s->vs = view_state_new();
  s->tl = view_timeline_new();
  size_t len;
  const char *src = vt_l1_source(&len);
  s->code = view_code_new(src, len);
  if (!s->sync || !s->async || !s->vs || !s->tl || !s->code) return 1;
  if (view_state_add_run(s->vs, NULL, s->sync) != 0 ||
      view_state_add_run(s->vs, NULL, s->async) != 1)
    return 1;
  if (view_timeline_add_run(s->tl, NULL, s->sync) != 0 ||
      view_timeline_add_run(s->tl, NULL, s->async) != 1)
    return 1;
  view_play_init(&s->play);
  s->play.run = 1; /* as the window starts a compare lesson: the async version in focus */
  view_screen_layout_compute(w, h, 1.0f, &s->L);
  s->cv = draw_canvas_new(w, h, vt_fonts());
  s->th = view_theme_light();
  return s->cv ? 0 : 1;
}

/* Draws the screen at clock time t (every record up to t applied) in lang. */
static int screen_draw(screen *s, ls_time t, view_lang lang) {
  (void)lang;
  view_play_seek(s->vs, &s->play, t);
  return view_state_at(s->vs, s->play.run, s->play.at, s->play.t, &s->snap) ? 1 : 0;
}

static void screen_paint_error(screen *s, view_lang lang, const char *error) {
  view_screen_model m = {.vs = s->vs,
                         .tl = s->tl,
                         .snap = &s->snap,
                         .play = &s->play,
                         .code = s->code,
                         .title = lang == VIEW_LANG_KO ? VT_L1_TITLE_KO : VT_L1_TITLE_EN,
                         .file = "01_sync_vs_async.lua",
                         .explain = lang == VIEW_LANG_KO ? explain_ko : explain_en,
                         .lang = lang,
                         .error = error,
                         .hover_button = -1};
  draw_ctx c = draw_canvas_ctx(s->cv, s->L.scale, s->th);
  view_screen_draw(&c, &s->L, &m, &s->out);
}

static void screen_paint(screen *s, view_lang lang) {
  screen_paint_error(s, lang, NULL);
}

static void screen_close(screen *s) {
  draw_canvas_free(s->cv);
  view_snap_free(&s->snap);
  view_code_free(s->code);
  view_timeline_free(s->tl);
  view_state_free(s->vs);
  trace_free(s->sync);
  trace_free(s->async);
}

/* A layout point to a device pixel. */
static draw_color px_at(screen *s, float x, float y) {
  return draw_canvas_pixel(s->cv, (int)(x * s->L.scale), (int)(y * s->L.scale));
}

/* ---- Layout -------------------------------------------------------------------------------
 */

int vt_screen_layout(void) {
  static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1366, 768},
                                 {1024, 600}, {2560, 1080}, {1280, 1024}, {800, 600},
                                 {640, 360},  {1600, 900},  {2560, 1440}};
  static const float zooms[] = {0.75f, 1.0f, 1.5f, 2.0f};
  static const size_t rows[] = {0, 5, 14, 1000};
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
    for (size_t z = 0; z < sizeof zooms / sizeof zooms[0] * 4; z++) {
      view_screen_layout L;
      view_screen_layout_rows(sizes[i][0], sizes[i][1], zooms[z % 4], rows[z / 4], &L);
      /* The layout spans the whole window, in units of the scale. */
      VT_CHECK(L.screen.w * L.scale <= sizes[i][0] + 0.5f);
      VT_CHECK(L.screen.w * L.scale > sizes[i][0] - L.scale - 0.5f);
      VT_CHECK(L.screen.h * L.scale > sizes[i][1] - L.scale - 0.5f);
      for (int p = 0; p < VIEW_PANEL__COUNT; p++) {
        draw_rect r = L.panel[p];
        if (!(r.w > 0 && r.h > 0 && draw_rect_inside(r, L.screen))) {
          fprintf(stderr, "%dx%d zoom %.2f: panel %d at %.1f,%.1f %.1fx%.1f\n", sizes[i][0],
                  sizes[i][1], zooms[z % 4], p, r.x, r.y, r.w, r.h);
          return 1;
        }
        for (int q = p + 1; q < VIEW_PANEL__COUNT; q++)
          if (draw_rect_overlap(r, L.panel[q])) {
            fprintf(stderr, "%dx%d zoom %.2f: panels %d and %d overlap\n", sizes[i][0],
                    sizes[i][1], zooms[z % 4], p, q);
            return 1;
          }
      }
      /* Buttons sit in the status bar, apart from each other, the speed and the event line. */
      for (int b = 0; b < VIEW_BTN__COUNT; b++) {
        VT_CHECK(L.button[b].w > 0 &&
                 draw_rect_inside(L.button[b], L.panel[VIEW_PANEL_STATUS]));
        VT_CHECK(!draw_rect_overlap(L.button[b], L.speed));
        VT_CHECK(!draw_rect_overlap(L.button[b], L.status));
        for (int q = b + 1; q < VIEW_BTN__COUNT; q++)
          VT_CHECK(!draw_rect_overlap(L.button[b], L.button[q]));
        draw_rect mid = {L.button[b].x + L.button[b].w / 2, L.button[b].y + L.button[b].h / 2,
                         0, 0};
        VT_EQ(view_screen_button_at(&L, mid.x, mid.y), b);
      }
      /* At the sizes a classroom uses, the panels keep room for their content. */
      if (zooms[z % 4] == 1.0f && sizes[i][0] >= 1280 && sizes[i][1] >= 720) {
        VT_CHECK(L.panel[VIEW_PANEL_CODE].h >= L.T * 17);
        VT_CHECK(L.panel[VIEW_PANEL_TIMELINE].h >= L.T * 14);
        VT_CHECK(L.status.w >= L.T * 20);
      }
    }
  /* The scale: one unit per pixel at 1280x720, 1.5 at 1080p, 3 at 4K. */
  view_screen_layout L;
  view_screen_layout_compute(1280, 720, 1, &L);
  VT_CHECK(L.scale == 1.0f && L.screen.w == 1280 && L.screen.h == 720);
  view_screen_layout_compute(1920, 1080, 1, &L);
  VT_CHECK(L.scale == 1.5f && L.screen.w == 1280);
  view_screen_layout_compute(3840, 2160, 1, &L);
  VT_CHECK(L.scale == 3.0f && L.screen.h == 720);
  VT_EQ(view_screen_panel_at(&L, L.panel[VIEW_PANEL_TASKS].x + 5,
                             L.panel[VIEW_PANEL_TASKS].y + 5),
        VIEW_PANEL_TASKS);
  return 0;
}

/* ---- Pixels -------------------------------------------------------------------------------
 */

int vt_screen_l1_pixels(void) {
  screen s;
  VT_CHECK(screen_open(&s, 1280, 720) == 0);
  VT_EQ(screen_draw(&s, S(1.5), VIEW_LANG_KO), 0);
  screen_paint(&s, VIEW_LANG_KO);
  draw_canvas_save_png(s.cv, "screen_l1_1.5s_ko.png");
  VT_CHECK(s.out.tl_ok);
  const view_tl_layout *T = &s.out.tl;
  VT_EQ(T->nruns, 2);
  /* The playhead: its column, across both runs, at 1.5 s. */
  float x = view_tl_x(T, S(1.5));
  float y_sync = T->run[0].rows.y + T->run[0].rows.h / 2;
  float y_gap = T->run[1].rows.y - 2; /* between the runs, where nothing else is drawn */
  VT_COLOR(px_at(&s, x, y_gap), s.th->playhead, VT_FILL_TOL);
  VT_COLOR(px_at(&s, x, T->run[1].rows.y + T->run[1].rows.h - 1), s.th->playhead, VT_FILL_TOL);
  /* The blocked colour over the sync run at 1 s (the top of the bar, clear of its label). */
  draw_rect row = view_tl_row(T, 0, 0);
  float bar_top = row.y + (row.h - T->run[0].bar_h) / 2 + 1.5f;
  VT_COLOR(px_at(&s, view_tl_x(T, S(1.0)), bar_top), s.th->blocked, VT_FILL_TOL);
  VT_COLOR(px_at(&s, view_tl_x(T, S(0.2)), bar_top), s.th->blocked, VT_FILL_TOL);
  /* Cut at the playhead: past 1.5 s the sync row is still empty. */
  VT_NOT_COLOR(px_at(&s, view_tl_x(T, S(2.5)), y_sync), s.th->blocked, 30);
  /* Task-4 ran at 1 s: its colour there; Task-2 waited at 0.5 s: its waiting colour. */
  draw_rect r4 = view_tl_row(T, 1, 3), r2 = view_tl_row(T, 1, 1);
  float x1 = view_tl_x(T, S(1.0));
  int found = 0;
  for (int dx = -2; dx <= 3 && !found; dx++)
    found = draw_color_dist(px_at(&s, x1 + (float)dx, r4.y + r4.h / 2),
                            view_theme_task(s.th, 5)) <= VT_FILL_TOL;
  VT_CHECK(found);
  VT_COLOR(px_at(&s, view_tl_x(T, S(0.5)), r2.y + (r2.h - T->run[1].bar_h) / 2 + 1.5f),
           view_theme_task_waiting(s.th, 3), VT_FILL_TOL);
  /* The focused run (async_main) is marked beside its rows. */
  VT_COLOR(px_at(&s, s.L.panel[VIEW_PANEL_TIMELINE].x + s.L.T * 0.4f,
                 T->run[1].rows.y + T->run[1].rows.h / 2),
           s.th->playhead, VT_FILL_TOL);
  /* Code: the two sleeping children's squares on line 71 in their colours. */
  const view_code_geom *g = &s.out.code;
  VT_CHECK(g->first <= 71 && 71 < g->first + g->shown);
  float ly = g->body.y + g->line_h * (float)(71 - g->first) + g->line_h / 2;
  float m = s.L.T * 0.55f, gap = s.L.T * 0.12f;
  float sq0 = g->marker_x + m * 1.1f + gap + m / 2;
  VT_COLOR(px_at(&s, sq0, ly), view_theme_task(s.th, 3), VT_FILL_TOL);           /* Task-2 */
  VT_COLOR(px_at(&s, sq0 + m + gap, ly), view_theme_task(s.th, 4), VT_FILL_TOL); /* Task-3 */
  screen_close(&s);
  return 0;
}

int vt_screen_sync_running(void) {
  /* sync_main in focus at 1 s: its line 55 is banded in the blocked colour, with the arrow. */
  screen s;
  VT_CHECK(screen_open(&s, 1920, 1080) == 0);
  s.play.run = 0;
  VT_EQ(screen_draw(&s, S(1.0), VIEW_LANG_EN), 0);
  VT_CHECK(s.snap.blocked);
  screen_paint(&s, VIEW_LANG_EN);
  draw_canvas_save_png(s.cv, "screen_l1_sync_1080p.png");
  const view_code_geom *g = &s.out.code;
  VT_CHECK(g->first <= 55 && 55 < g->first + g->shown);
  float ly = g->body.y + g->line_h * (float)(55 - g->first);
  draw_color band = draw_color_mix(s.th->blocked, s.th->panel, 0.78f);
  VT_COLOR(px_at(&s, g->body.x + g->body.w - 2, ly + 1), band, VT_FILL_TOL);
  float m = s.L.T * 0.55f * 1.1f;
  VT_COLOR(px_at(&s, g->marker_x + m * 0.3f, ly + g->line_h / 2), view_theme_task(s.th, 1),
           VT_FILL_TOL);
  /* The task card says it is running, with a border in the blocked colour. */
  draw_rect tasks = s.L.panel[VIEW_PANEL_TASKS];
  int blocked_px = vt_ink(s.cv,
                          (draw_rect){tasks.x * s.L.scale, tasks.y * s.L.scale,
                                      tasks.w * s.L.scale, tasks.h * s.L.scale},
                          s.th->blocked, VT_FILL_TOL);
  VT_CHECK(vt_area((draw_rect){tasks.x * s.L.scale, tasks.y * s.L.scale, tasks.w * s.L.scale,
                               tasks.h * s.L.scale}) -
               blocked_px >
           200);
  screen_close(&s);
  return 0;
}

/* The title drawn in the top bar equals the same text drawn alone, and differs from the same
   number of missing-glyph boxes: Hangul is really drawn. */
int vt_screen_hangul(void) {
  screen s;
  VT_CHECK(screen_open(&s, 1280, 720) == 0);
  VT_EQ(screen_draw(&s, S(0.5), VIEW_LANG_KO), 0);
  screen_paint(&s, VIEW_LANG_KO);
  draw_rect t = s.out.title;
  VT_CHECK(t.w > 20);
  static const char tofu[] =
      "\xF4\x8F\xBF\xBD\xF4\x8F\xBF\xBD vs \xF4\x8F\xBF\xBD\xF4\x8F\xBF\xBD"
      "\xF4\x8F\xBF\xBD"; /* U+10FFFD x 2, " vs ", x 3 */
  draw_canvas *alone = draw_canvas_new(1280, 720, vt_fonts());
  draw_canvas *boxes = draw_canvas_new(1280, 720, vt_fonts());
  draw_ctx a = draw_canvas_ctx(alone, 1, s.th), b = draw_canvas_ctx(boxes, 1, s.th);
  draw_fill(&a, (draw_rect){0, 0, 1280, 720}, s.th->panel);
  draw_fill(&b, (draw_rect){0, 0, 1280, 720}, s.th->panel);
  draw_text(&a, t.x, t.y, VT_L1_TITLE_KO, DRAW_FONT_BOLD, s.out.title_px, s.th->text);
  draw_text(&b, t.x, t.y, tofu, DRAW_FONT_BOLD, s.out.title_px, s.th->text);
  int same = 0, differ = 0, ink = 0;
  for (int y = (int)t.y; y < (int)(t.y + t.h); y++)
    for (int x = (int)t.x; x < (int)(t.x + t.w); x++) {
      draw_color p = draw_canvas_pixel(s.cv, x, y);
      same += draw_color_dist(p, draw_canvas_pixel(alone, x, y)) <= 2;
      differ += draw_color_dist(p, draw_canvas_pixel(boxes, x, y)) > 40;
      ink += draw_color_dist(p, s.th->panel) > 40;
    }
  int area = ((int)(t.x + t.w) - (int)t.x) * ((int)(t.y + t.h) - (int)t.y);
  printf("  title: %d px, %d px of ink, %d px like the text alone, %d px unlike boxes\n", area,
         ink, same, differ);
  VT_CHECK(same >= area - area / 50);
  VT_CHECK(ink > 100);
  VT_CHECK(differ > ink / 4);
  draw_canvas_free(alone);
  draw_canvas_free(boxes);
  screen_close(&s);
  return 0;
}

static uint64_t canvas_hash(draw_canvas *cv, int w, int h) {
  uint64_t x = 1469598103934665603ull;
  for (int y = 0; y < h; y++)
    for (int i = 0; i < w; i++)
      x = (x ^ draw_canvas_pixel(cv, i, y)) * 1099511628211ull;
  return x;
}

int vt_screen_time_travel(void) {
  /* Step forward through async_main, then back: every frame is the frame drawn going forward.
   */
  screen s;
  VT_CHECK(screen_open(&s, 960, 540) == 0);
  size_t n = view_state_records(s.vs, 1);
  uint64_t *fw = calloc(n + 1, sizeof *fw);
  VT_CHECK(fw != NULL);
  view_play_home(&s.play);
  for (size_t i = 0; i <= n; i++) {
    VT_EQ(view_state_at(s.vs, 1, s.play.at, s.play.t, &s.snap), 0);
    screen_paint(&s, VIEW_LANG_EN);
    fw[s.play.at] = canvas_hash(s.cv, 960, 540);
    if (!view_play_step(s.vs, &s.play, 1)) break;
  }
  size_t distinct = 0;
  for (size_t i = 1; i <= n; i++)
    distinct += fw[i] != fw[i - 1];
  VT_CHECK(distinct > n / 2); /* most steps change the picture */
  while (s.play.at > 0) {
    VT_CHECK(view_play_step(s.vs, &s.play, -1));
    if (s.play.t > view_state_time_of(s.vs, 1, s.play.at)) continue;
    VT_EQ(view_state_at(s.vs, 1, s.play.at, s.play.t, &s.snap), 0);
    screen_paint(&s, VIEW_LANG_EN);
    VT_CHECK(canvas_hash(s.cv, 960, 540) == fw[s.play.at]);
  }
  free(fw);
  screen_close(&s);
  return 0;
}

int vt_screen_themes_langs(void) {
  /* Every size, language and theme draws, and the dark theme is dark. */
  static const int sizes[][2] = {{1280, 720}, {1920, 1080}};
  for (size_t i = 0; i < 2; i++)
    for (int lang = 0; lang < VIEW_LANG__COUNT; lang++)
      for (int dark = 0; dark < 2; dark++) {
        screen s;
        VT_CHECK(screen_open(&s, sizes[i][0], sizes[i][1]) == 0);
        s.th = dark ? view_theme_dark() : view_theme_light();
        VT_EQ(screen_draw(&s, S(2.0), (view_lang)lang), 0);
        screen_paint(&s, (view_lang)lang);
        char name[96];
        snprintf(name, sizeof name, "screen_%dx%d_%s_%s.png", sizes[i][0], sizes[i][1],
                 view_lang_code((view_lang)lang), s.th->name);
        draw_canvas_save_png(s.cv, name);
        VT_COLOR(draw_canvas_pixel(s.cv, 2, sizes[i][1] / 2), s.th->bg, VT_FILL_TOL);
        screen_close(&s);
      }
  return 0;
}

/* ---- Code, wrapping, the list -------------------------------------------------------------
 */

int vt_code_lex(void) {
  const char *src = "local x = \"a -- b\" -- note\n"
                    "s = [[long\n"
                    "still]] .. 'q' await(asyncio.sleep(0.5e1))\n"
                    "--[==[ block\n"
                    "]==] return t.print\n";
  view_code *vc = view_code_new(src, strlen(src));
  VT_EQ(view_code_lines(vc), 5);
  uint8_t c[64];
  size_t n = view_code_classify(vc, 1, c, sizeof c);
  VT_EQ(n, strlen("local x = \"a -- b\" -- note"));
  VT_EQ(c[0], VIEW_TOK_KEYWORD); /* local */
  VT_EQ(c[6], VIEW_TOK_PLAIN);   /* x */
  VT_EQ(c[10], VIEW_TOK_STRING); /* "a -- b" */
  VT_EQ(c[13], VIEW_TOK_STRING);
  VT_EQ(c[19], VIEW_TOK_COMMENT); /* -- note */
  view_code_classify(vc, 2, c, sizeof c);
  VT_EQ(c[0], VIEW_TOK_PLAIN);
  VT_EQ(c[4], VIEW_TOK_STRING); /* [[long */
  n = view_code_classify(vc, 3, c, sizeof c);
  VT_EQ(c[0], VIEW_TOK_STRING); /* still]] */
  VT_EQ(c[6], VIEW_TOK_STRING);
  VT_EQ(c[8], VIEW_TOK_PLAIN);    /* .. */
  VT_EQ(c[11], VIEW_TOK_STRING);  /* 'q' */
  VT_EQ(c[15], VIEW_TOK_BUILTIN); /* await */
  VT_EQ(c[21], VIEW_TOK_BUILTIN); /* asyncio */
  VT_EQ(c[35], VIEW_TOK_NUMBER);  /* 0.5e1 */
  view_code_classify(vc, 4, c, sizeof c);
  VT_EQ(c[0], VIEW_TOK_COMMENT);
  view_code_classify(vc, 5, c, sizeof c);
  VT_EQ(c[0], VIEW_TOK_COMMENT);
  VT_EQ(c[5], VIEW_TOK_KEYWORD); /* return */
  VT_EQ(c[14], VIEW_TOK_PLAIN);  /* t.print: a field, not the builtin */
  size_t len;
  const char *l2 = view_code_line(vc, 2, &len);
  VT_EQ(len, 10);
  VT_CHECK(!strncmp(l2, "s = [[long", len));
  VT_CHECK(*view_code_line(vc, 9, &len) == 0 && len == 0);
  view_code_free(vc);
  /* Scrolling keeps the focus in view and moves only when it must. */
  VT_EQ(view_code_scroll(0, 60, 30, 100), 50);
  VT_EQ(view_code_scroll(50, 70, 30, 100), 50);
  VT_CHECK(view_code_scroll(50, 85, 30, 100) > 50);
  VT_EQ(view_code_scroll(50, 95, 30, 100), 71);
  VT_EQ(view_code_scroll(0, 3, 30, 100), 1);
  VT_EQ(view_code_scroll(0, 0, 30, 10), 1);
  return 0;
}

typedef struct lines {
  char s[16][256];
  int n;
} lines;

static void collect(void *ud, const char *s, size_t n) {
  lines *l = ud;
  if (l->n < 16) {
    snprintf(l->s[l->n], sizeof l->s[0], "%.*s", (int)n, s);
  }
  l->n++;
}

int vt_text_wrap(void) {
  draw_canvas *cv = draw_canvas_new(10, 10, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  /* A hard-wrapped sentence joins; a finished sentence keeps its line end; a blank line is a
     paragraph; bullets stand alone. */
  lines l = {.n = 0};
  int n = view_wrap(&c, "one two\nthree.\nFour\n\n  • item\n- dash\nend", DRAW_FONT_UI, 14,
                    1000, collect, &l);
  VT_EQ(n, l.n);
  VT_EQ(n, 6);
  VT_CHECK(!strcmp(l.s[0], "one two three."));
  VT_CHECK(!strcmp(l.s[1], "Four"));
  VT_CHECK(!strcmp(l.s[2], ""));
  VT_CHECK(!strcmp(l.s[3], "  • item"));
  VT_CHECK(!strcmp(l.s[4], "- dash"));
  VT_CHECK(!strcmp(l.s[5], "end"));
  /* Narrow: every line fits, Korean breaks at spaces, a long word at a character. */
  memset(&l, 0, sizeof l);
  const char *ko =
      "비동기 프로그래밍: 작업을 시작한 뒤 완료를 기다리지 않고 다른 작업을 수행할 수 "
      "있습니다. supercalifragilisticexpialidocious";
  n = view_wrap(&c, ko, DRAW_FONT_UI, 14, 90, collect, &l);
  VT_CHECK(n >= 5 && n <= 16);
  for (int i = 0; i < n && i < 16; i++) {
    VT_CHECK(draw_measure(&c, l.s[i], DRAW_FONT_UI, 14).w <= 90);
    VT_CHECK(l.s[i][0] != ' ');
  }
  draw_canvas_free(cv);
  return 0;
}

int vt_browser_list(void) {
  static const view_browser_item items[] = {
      {"01_sync_vs_async.lua", "동기 vs 비동기",
       "동기 프로그래밍: 작업이 순차적으로 실행됩니다.", false},
      {"02_coroutines.lua", "코루틴", "", true},
      {"03_event_loop.lua", "이벤트 루프", "asyncio는 ...", false}};
  view_screen_layout L;
  view_screen_layout_compute(1280, 720, 1, &L);
  VT_CHECK(view_browser_fit(&L) >= 8);
  draw_canvas *cv = draw_canvas_new(1280, 720, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  view_browser_model m = {items, 3, 1, 0, "/lessons", VIEW_LANG_KO, -1, NULL};
  view_browser_out o;
  view_browser_draw(&c, &L, &m, &o);
  draw_canvas_save_png(cv, "browser.png");
  VT_EQ(o.shown, 3);
  /* The selected row is tinted, the others are not; a click finds its row. */
  float y1 = o.list.y + o.row_h * 1.5f, y0 = o.list.y + o.row_h * 0.5f;
  VT_EQ(view_browser_row_at(&o, o.list.x + o.list.w / 2, y1), 1);
  VT_EQ(view_browser_row_at(&o, o.list.x + o.list.w / 2, o.list.y + o.row_h * 5), -1);
  VT_COLOR(draw_canvas_pixel(cv, (int)(o.list.x + o.list.w * 0.8f), (int)y1),
           draw_color_mix(view_theme_light()->playhead, view_theme_light()->bg, 0.85f),
           VT_FILL_TOL);
  VT_COLOR(draw_canvas_pixel(cv, (int)(o.list.x + o.list.w * 0.8f), (int)y0),
           view_theme_light()->panel, VT_FILL_TOL);
  /* Scrolling keeps the selection in view. */
  VT_EQ(view_browser_scroll(0, 12, 10, 20), 3);
  VT_EQ(view_browser_scroll(5, 2, 10, 20), 2);
  VT_EQ(view_browser_scroll(5, 7, 10, 8), 0);
  draw_canvas_free(cv);
  return 0;
}

int vt_screen_thousand(void) {
  /* 1,001 tasks: the cards end with "+N more", and a frame stays far under 16 ms of drawing
     work on the software renderer (generous for sanitizer builds). */
  ls_trace *tr = vt_trace_thousand();
  view_state *vs = view_state_new();
  view_timeline *tl = view_timeline_new();
  VT_EQ(view_state_add_run(vs, NULL, tr), 0);
  VT_EQ(view_timeline_add_run(tl, NULL, tr), 0);
  view_play p;
  view_play_init(&p);
  view_snap snap = {0};
  view_screen_layout L;
  view_screen_layout_compute(1280, 720, 1, &L);
  draw_canvas *cv = draw_canvas_new(1280, 720, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  view_screen_model m = {.vs = vs,
                         .tl = tl,
                         .snap = &snap,
                         .play = &p,
                         .title = "thousand",
                         .lang = VIEW_LANG_EN,
                         .hover_button = -1};
  int frames = 60;
  Uint64 t0 = 0;
  for (int i = 0; i <= frames; i++) {
    if (i == 1) t0 = SDL_GetPerformanceCounter(); /* the first frame fills the text cache */
    view_play_seek(vs, &p, LS_FROM_SEC(0.45 * i / frames));
    VT_EQ(view_state_at(vs, 0, p.at, p.t, &snap), 0);
    view_screen_draw(&c, &L, &m, NULL);
  }
  double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
              (double)SDL_GetPerformanceFrequency() / frames;
  printf("screen_thousand: %zu tasks, %.2f ms per frame (software renderer, 1280x720)\n",
         snap.ntasks, ms);
  draw_canvas_save_png(cv, "screen_thousand.png");
  VT_EQ(snap.ntasks, 1001);
  VT_CHECK(ms < 100);
  view_snap_free(&snap);
  draw_canvas_free(cv);
  view_timeline_free(tl);
  view_state_free(vs);
  trace_free(tr);
  return 0;
}

/* The first x in row y (layout units, from x0) whose pixel is within tolerance of col. */
static float first_x(draw_canvas *cv, float x0, float x1, float y, draw_color col) {
  for (int x = (int)x0; x < (int)x1; x++)
    if (draw_color_dist(draw_canvas_pixel(cv, x, (int)y), col) <= VT_FILL_TOL) return (float)x;
  return -1;
}

int vt_queue_motion(void) {
  /* Three steps queued: sliding by half an entry moves the front entry's stripe right by half
     the pitch (7 T + 0.35 T); arriving holds the last one back. */
  screen s;
  VT_CHECK(screen_open(&s, 1280, 720) == 0);
  size_t at = 0;
  while (at < trace_count(s.async) && trace_get(s.async, at)->kind != LS_EV_SUSPEND)
    at++;
  VT_EQ(view_state_at(s.vs, 1, at + 1, 0, &s.snap), 0);
  VT_EQ(s.snap.nqueue, 3);
  draw_ctx c = draw_canvas_ctx(s.cv, 1, s.th);
  view_pctx p = {&c, s.L.T, VIEW_LANG_EN, s.vs, &s.snap};
  draw_rect r = s.L.panel[VIEW_PANEL_QUEUE];
  float y = r.y + r.h * 0.7f, pitch = s.L.T * 7.35f;
  draw_color front = view_theme_task(s.th, s.snap.queue[0].task);
  draw_color last = view_theme_task(s.th, s.snap.queue[2].task);
  view_queue_draw(&p, r);
  float x0 = first_x(s.cv, r.x, r.x + r.w, y, front), l0 = first_x(s.cv, r.x, r.x + r.w, y, last);
  view_queue_draw_moving(&p, r, 0.5f, 0);
  float x1 = first_x(s.cv, r.x, r.x + r.w, y, front);
  view_queue_draw_moving(&p, r, 0, 1.0f);
  float l1 = first_x(s.cv, r.x, r.x + r.w, y, last);
  VT_CHECK(x0 > 0 && x1 > 0 && l0 > 0 && l1 > 0);
  VT_CHECK(fabsf(x1 - x0 - pitch / 2) <= 1.5f);
  VT_CHECK(fabsf(l1 - l0 - pitch) <= 1.5f);
  screen_close(&s);
  return 0;
}

/* A lesson error's long message wraps inside the panel instead of being cut: its words show
 * on more rows than the traceback has lines. */
int vt_screen_error_wraps(void) {
  screen s;
  VT_CHECK(screen_open(&s, 1280, 720) == 0);
  VT_EQ(screen_draw(&s, S(0.5), VIEW_LANG_EN), 0);
  static const char err[] =
      "Traceback (most recent call last):\n"
      "  File \"t.lua\", line 5, in main\n"
      "RuntimeError: task 'Task-1' ran 200000000 instructions without awaiting at t.lua:5 "
      "\xe2\x80\x94 the event loop is blocked, so no other task, timer or callback ran while "
      "this one kept going";
  screen_paint_error(&s, VIEW_LANG_EN, err);
  draw_rect r = s.L.panel[VIEW_PANEL_EXPLAIN];
  int rows = 0, inrow = 0;
  for (int y = (int)(r.y * s.L.scale) + 30; y < (int)((r.y + r.h) * s.L.scale); y++) {
    int ink = 0;
    for (int x = (int)(r.x * s.L.scale) + 8; x < (int)((r.x + r.w) * s.L.scale) - 2; x++)
      ink += draw_color_dist(draw_canvas_pixel(s.cv, x, y), s.th->error) < 60;
    if (ink > 3 && !inrow) rows++;
    inrow = ink > 3;
  }
  printf("  error panel: %d text rows for 3 lines\n", rows);
  VT_CHECK(rows >= 5); /* the title's row is skipped; 3 lines, the last wrapped at least twice */
  screen_close(&s);
  return 0;
}

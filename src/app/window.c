/* window.c -- the SDL window: events in, the playback clock, one view_screen_draw per frame.
 * The lesson was run whole before the window shows it; playing is moving a cursor through its
 * traces, so stepping back is as exact as stepping forward. */
#include "window.h"

#include <SDL.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "browser.h"
#include "draw_fonts.h"
#include "draw_sdl.h"
#include "export.h"
#include "lesson.h"
#include "progress.h"
#include "shot.h"
#include "view_browser.h"
#include "view_screen.h"
#include "view_theme.h"

#define POLL_MS 500     /* how often the lesson file's time stamp is looked at */
#define TOAST_MS 4000   /* how long "saved ..." stays */
#define DRAG_SLOP 4.0f  /* device pixels a press may move and still be a click */
#define ZOOM_STEP 1.1f  /* Ctrl +/- text size factor */
#define WHEEL_ZOOM 0.8f /* timeline window per wheel notch */
#define SLIDE_MS 160    /* ready-queue entries moving up after a pop, or arriving */
#define PULSE_MS 900    /* an error or cancellation travelling along a hot arrow, end to end */

typedef enum { MODE_BROWSER, MODE_LESSON } win_mode;

typedef struct win {
  SDL_Window *w;
  SDL_Renderer *r;
  draw_fonts *fonts;
  draw_sdl *ds;
  view_screen_layout L;
  view_screen_out out;
  view_browser_out bout;
  int pw, ph; /* the renderer's size in pixels */
  float zoom;
  view_lang lang;
  const view_theme *theme;
  bool quit, help, dirty, fullscreen;
  win_mode mode;
  /* the lesson */
  app_lesson *lesson;
  view_play play;
  view_snap snap;
  view_code_track *track;
  view_bp bp; /* breakpoints on scheduler events */
  int code_first; /* scrolled by hand (wheel) at code_at; 0: follow the track */
  size_t code_at, code_run;
  /* the ready queue's motion: which record started it, and when */
  size_t anim_at, anim_run;
  Uint64 anim_start;
  int anim_kind; /* 0 none, 1 the front left, 2 one arrived at the back */
  ls_time tl_from, tl_to;
  int explain_scroll;
  Uint64 next_poll;
  /* pointer */
  float mx, my; /* layout units */
  bool pressed, dragging;
  float press_x, press_y; /* device pixels */
  ls_time drag_from, drag_to;
  char tip[512];
  int hover_button;
  /* messages */
  char toast[5000];
  Uint64 toast_until;
  /* the lesson list */
  app_lessons list;
  view_browser_item *items;
  size_t selected, first;
  int hover_row;
  int status; /* exit status */
  view_predict predict; /* the lesson's questions */
  app_progress progress;
} win;

static Uint64 now_ms(void) {
  return SDL_GetTicks64();
}

static void toast(win *W, const char *fmt, const char *arg) {
  snprintf(W->toast, sizeof W->toast, fmt, arg);
  W->toast_until = now_ms() + TOAST_MS;
  W->dirty = true;
}

/* ---- Lessons ------------------------------------------------------------------------------
 */

static void set_title(win *W) {
  char t[512];
  if (W->mode == MODE_LESSON && W->lesson)
    snprintf(t, sizeof t, "Loopscope — %s", app_lesson_title(W->lesson, W->lang));
  else
    snprintf(t, sizeof t, "Loopscope — %s", view_str(W->lang, VIEW_S_LESSONS));
  SDL_SetWindowTitle(W->w, t);
}

static void relayout(win *W);

/* Opens (or reopens) a lesson; the window stays whatever happens to it. */
static void open_lesson(win *W, const char *path, bool reload) {
  app_lesson *l = app_lesson_open(path);
  if (!l) {
    toast(W, "%s", "out of memory");
    return;
  }
  if (l->status != LX_OK)
    fprintf(stderr, "%s%s\n", l->status == LX_EUSAGE ? "loopscope: " : "", l->error);
  app_lesson_free(W->lesson);
  W->lesson = l;
  /* The track caches by state pointer: a new lesson may reuse the old one's address. */
  view_code_track_free(W->track);
  W->track = view_code_track_new();
  W->mode = MODE_LESSON;
  app_lesson_play_init(l, &W->play);
  app_lesson_predict(l, &W->predict);
  if (reload) W->predict.phase = VIEW_PREDICT_OFF; /* asked once, not after every edit */
  W->play.playing = view_state_run_count(l->vs) > 0 && !view_predict_blocks(&W->predict);
  W->code_first = 0;
  view_bp_clear(&W->bp); /* ids and lines may mean other things now */
  W->tl_from = W->tl_to = 0;
  W->explain_scroll = 0;
  W->next_poll = now_ms() + POLL_MS;
  if (reload) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    toast(W, view_str(W->lang, VIEW_S_RELOADED), base);
  }
  set_title(W);
  relayout(W);
  W->dirty = true;
}

static void build_items(win *W) {
  free(W->items);
  W->items = calloc(W->list.n ? W->list.n : 1, sizeof *W->items);
  if (!W->items) return;
  for (size_t i = 0; i < W->list.n; i++) {
    const app_lesson_entry *e = &W->list.e[i];
    W->items[i] = (view_browser_item){e->file, e->title[W->lang] ? e->title[W->lang] : e->file,
                                      e->line[W->lang] ? e->line[W->lang] : "", false};
    W->items[i].done = app_progress_is_done(&W->progress, e->id);
  }
}

static void open_browser(win *W) {
  char dir[4096];
  if (app_lessons_dir(dir, sizeof dir) != 0) snprintf(dir, sizeof dir, "lessons");
  app_lessons_scan(&W->list, dir);
  build_items(W);
  if (W->lesson) {
    /* Come back to the lesson just left. */
    for (size_t i = 0; i < W->list.n; i++)
      if (!strcmp(W->list.e[i].path, W->lesson->path) ||
          !strcmp(W->list.e[i].file, strrchr(W->lesson->path, '/')
                                         ? strrchr(W->lesson->path, '/') + 1
                                         : W->lesson->path))
        W->selected = i;
  }
  if (W->selected >= W->list.n) W->selected = 0;
  W->mode = MODE_BROWSER;
  W->play.playing = false;
  set_title(W);
  relayout(W);
  W->dirty = true;
}

/* ---- Saving pictures ----------------------------------------------------------------------
 */

static int mkdirs(const char *path) {
  char p[4096];
  snprintf(p, sizeof p, "%s", path);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = 0;
    if (mkdir(p, 0777) != 0 && errno != EEXIST) return -1;
    *s = '/';
  }
  return mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

/* $XDG_PICTURES_DIR/loopscope, else ~/Pictures/loopscope; made when missing. */
static int pictures_dir(char *buf, size_t cap) {
  const char *x = getenv("XDG_PICTURES_DIR"), *home = getenv("HOME");
  if (x && *x)
    snprintf(buf, cap, "%s/loopscope", x);
  else
    snprintf(buf, cap, "%s/Pictures/loopscope", home && *home ? home : ".");
  return mkdirs(buf);
}

static const char *lesson_base(const win *W, char *buf, size_t cap) {
  const char *p = W->lesson ? W->lesson->path : "loopscope";
  const char *b = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
  snprintf(buf, cap, "%s", b);
  char *dot = strrchr(buf, '.');
  if (dot && dot != buf) *dot = 0;
  return buf;
}

static void draw_lesson(win *W, const draw_ctx *c, const view_screen_layout *L, bool overlays,
                        view_screen_out *out);

static void screenshot(win *W) {
  char dir[4096], base[256], path[4500], err[1200];
  if (pictures_dir(dir, sizeof dir) != 0) {
    toast(W, "cannot make the folder %s", dir);
    return;
  }
  lesson_base(W, base, sizeof base);
  if (W->mode == MODE_LESSON)
    snprintf(path, sizeof path, "%s/%s-%.2fs.png", dir, base, LS_TO_SEC(W->play.t));
  else
    snprintf(path, sizeof path, "%s/lessons.png", dir);
  /* Drawn again into an offscreen canvas by the same code, without the pointer's tip. */
  draw_canvas *cv = draw_canvas_new(W->pw, W->ph, W->fonts);
  if (!cv) {
    toast(W, "%s", SDL_GetError());
    return;
  }
  draw_ctx ctx = draw_canvas_ctx(cv, W->L.scale, W->theme);
  if (W->mode == MODE_LESSON) {
    view_screen_out o;
    draw_lesson(W, &ctx, &W->L, false, &o);
  } else {
    view_browser_model m = {W->items,    W->list.n, W->selected, W->first,
                            W->list.dir, W->lang,   -1,          NULL};
    view_browser_draw(&ctx, &W->L, &m, NULL);
  }
  if (app_save_png(draw_canvas_surface(cv), path, err, sizeof err) != 0) {
    fprintf(stderr, "loopscope: %s\n", err);
    toast(W, "%s", err);
  } else {
    fprintf(stderr, "saved %s\n", path);
    toast(W, view_str(W->lang, VIEW_S_SAVED), path);
  }
  draw_canvas_free(cv);
}

static void export_timeline(win *W) {
  if (W->mode != MODE_LESSON || !W->lesson || !W->lesson->rt) return;
  char dir[4096], base[256], path[4500], err[1200];
  if (pictures_dir(dir, sizeof dir) != 0) {
    toast(W, "cannot make the folder %s", dir);
    return;
  }
  snprintf(path, sizeof path, "%s/%s-timeline.png", dir, lesson_base(W, base, sizeof base));
  cli c = {.cmd = CMD_RUN,
           .file = W->lesson->path,
           .export_out = path,
           .width = 1600,
           .height = 900,
           .scale = 1,
           .from = -1,
           .to = -1,
           .theme = W->theme->name,
           .lang = view_lang_code(W->lang)};
  if (app_export(W->lesson->rt, &c, err, sizeof err) != 0) {
    fprintf(stderr, "loopscope: %s\n", err);
    toast(W, "%s", err);
  } else {
    fprintf(stderr, "saved %s\n", path);
    toast(W, view_str(W->lang, VIEW_S_SAVED), path);
  }
}

/* ---- Drawing ------------------------------------------------------------------------------
 */

static void relayout(win *W) {
  int pw, ph;
  SDL_GetRendererOutputSize(W->r, &pw, &ph);
  W->pw = pw;
  W->ph = ph;
  view_screen_layout_rows(pw, ph, W->zoom,
                          W->mode == MODE_LESSON && W->lesson
                              ? view_screen_timeline_rows(W->lesson->tl)
                              : 0,
                          &W->L);
}

static void draw_lesson(win *W, const draw_ctx *c, const view_screen_layout *L, bool overlays,
                        view_screen_out *out) {
  app_lesson *l = W->lesson;
  view_screen_model m = {.play = &W->play, .hover_button = overlays ? W->hover_button : -1};
  app_lesson_model(l, W->lang, &m);
  bool have = view_state_run_count(l->vs) > 0;
  if (have && view_state_at(l->vs, W->play.run, W->play.at, W->play.t, &W->snap) == 0)
    m.snap = &W->snap;
  /* The code follows the running line (the track makes that a function of the record); a
     scroll by hand holds until playback moves. */
  if (W->code_first > 0 && (W->code_at != W->play.at || W->code_run != W->play.run))
    W->code_first = 0;
  m.code_first = W->code_first;
  m.code_track = W->track;
  m.bp = &W->bp;
  /* One step forward that pushed or popped the queue starts it moving; anything else (a jump,
     a step back) shows it still. */
  if (overlays && have && (W->play.at != W->anim_at || W->play.run != W->anim_run)) {
    const ls_trace *tr = view_state_trace(l->vs, W->play.run);
    const ls_trace_rec *e = W->play.at ? trace_get(tr, W->play.at - 1) : NULL;
    W->anim_kind = 0;
    if (e && W->play.at == W->anim_at + 1 && W->play.run == W->anim_run) {
      if (e->kind == LS_EV_STEP || e->kind == LS_EV_RUN || e->kind == LS_EV_TIMER_FIRE)
        W->anim_kind = 1;
      else if (e->kind == LS_EV_SCHED)
        W->anim_kind = 2;
      W->anim_start = now_ms();
    }
    W->anim_at = W->play.at;
    W->anim_run = W->play.run;
  }
  if (overlays && W->anim_kind) {
    float f = 1.0f - (float)(now_ms() - W->anim_start) / SLIDE_MS;
    if (f <= 0) {
      W->anim_kind = 0;
    } else {
      f = f * f; /* eases out */
      if (W->anim_kind == 1)
        m.queue_slide = f;
      else
        m.queue_enter = f;
      W->dirty = true; /* keep drawing until it settles */
    }
  }
  if (overlays) /* a hot arrow's dot runs from end to end every PULSE_MS */
    m.arrow_pulse = (float)(now_ms() % PULSE_MS + 1) / PULSE_MS;
  m.tl_from = W->tl_from;
  m.tl_to = W->tl_to;
  m.explain_scroll = W->explain_scroll;
  m.help = W->help;
  if (W->predict.phase != VIEW_PREDICT_OFF) m.predict = &W->predict;
  if (overlays) {
    m.toast = now_ms() < W->toast_until ? W->toast : NULL;
    m.tip = W->tip[0] ? W->tip : NULL;
    m.tip_x = W->mx;
    m.tip_y = W->my;
  }
  view_screen_draw(c, L, &m, out);
  if (overlays && out && out->nhot) W->dirty = true; /* keep the dots moving */
}

static void render(win *W) {
  draw_ctx ctx = draw_sdl_ctx(W->ds, W->L.scale, W->theme);
  if (W->mode == MODE_LESSON && W->lesson) {
    draw_lesson(W, &ctx, &W->L, true, &W->out);
  } else {
    view_browser_model m = {
        W->items,    W->list.n, W->selected,  W->first,
        W->list.dir, W->lang,   W->hover_row, now_ms() < W->toast_until ? W->toast : NULL};
    view_browser_draw(&ctx, &W->L, &m, &W->bout);
    W->first = W->bout.first;
  }
  SDL_RenderPresent(W->r);
}

/* ---- Input --------------------------------------------------------------------------------
 */

static bool have_runs(const win *W) {
  return W->mode == MODE_LESSON && W->lesson && view_state_run_count(W->lesson->vs) > 0;
}

static void set_zoom(win *W, float z) {
  if (z < VIEW_ZOOM_MIN) z = VIEW_ZOOM_MIN;
  if (z > VIEW_ZOOM_MAX) z = VIEW_ZOOM_MAX;
  W->zoom = z;
  relayout(W);
  W->dirty = true;
}

static void set_lang(win *W, view_lang lang) {
  W->lang = lang;
  build_items(W);
  set_title(W);
  W->dirty = true;
}

/* ---- Predict questions and progress ----------------------------------------------------- */

static void predict_answer(win *W, int choice) {
  view_predict *p = &W->predict;
  if (!view_predict_answer(p, choice)) return;
  const char *id = W->lesson ? app_lesson_id(W->lesson) : NULL;
  if (choice > 0 && app_progress_set_answer(&W->progress, id, (int)p->cur + 1, choice))
    app_progress_save(&W->progress);
  if (have_runs(W)) {
    /* A later question about a moment already passed: watch it again from the start. */
    if (W->play.t >= p->q[p->cur].at || view_play_at_end(W->lesson->vs, &W->play))
      view_play_home(&W->play);
    W->play.playing = true;
  }
  W->dirty = true;
}

static void predict_next(win *W) {
  if (!view_predict_next(&W->predict) && have_runs(W))
    W->play.playing = !view_play_at_end(W->lesson->vs, &W->play);
  W->dirty = true;
}

/* Reveals at the deciding time and marks the lesson done at its end. */
static void predict_progress(win *W) {
  if (!have_runs(W)) return;
  bool end = view_play_at_end(W->lesson->vs, &W->play);
  if (view_predict_update(&W->predict, W->play.t, end)) {
    W->play.playing = false;
    W->dirty = true;
  }
  if (end && W->lesson->status == LX_OK &&
      app_progress_set_done(&W->progress, app_lesson_id(W->lesson)))
    app_progress_save(&W->progress);
}

/* Keys while a question is up; true when taken. */
static bool predict_key(win *W, const SDL_Keysym *k) {
  view_predict *p = &W->predict;
  bool enter = k->sym == SDLK_RETURN || k->sym == SDLK_KP_ENTER;
  if (p->phase == VIEW_PREDICT_ASK) {
    int n;
    if (k->sym >= SDLK_1 && k->sym <= SDLK_4)
      n = (int)(k->sym - SDLK_1) + 1;
    else if (k->sym >= SDLK_KP_1 && k->sym <= SDLK_KP_4)
      n = (int)(k->sym - SDLK_KP_1) + 1;
    else if (enter)
      n = 0;
    else
      return k->sym != SDLK_b && k->sym != SDLK_o && k->sym != SDLK_s; /* the rest wait */
    predict_answer(W, n);
    return true;
  }
  if (p->phase == VIEW_PREDICT_REVEAL && (enter || k->sym == SDLK_SPACE)) {
    predict_next(W);
    return true;
  }
  return false;
}

/* One action, from a key or a button. */
static void act(win *W, view_button b) {
  view_state *vs = W->lesson ? W->lesson->vs : NULL;
  if (W->mode == MODE_LESSON && view_predict_blocks(&W->predict) && b <= VIEW_BTN_END) return;
  switch (b) {
  case VIEW_BTN_PLAY:
    if (!have_runs(W)) break;
    if (!W->play.playing && view_play_at_end(vs, &W->play)) view_play_home(&W->play);
    W->play.playing = !W->play.playing;
    break;
  case VIEW_BTN_STEP:
    if (!have_runs(W)) break;
    W->play.playing = false;
    view_play_step(vs, &W->play, 1);
    break;
  case VIEW_BTN_BACK:
    if (!have_runs(W)) break;
    W->play.playing = false;
    view_play_step(vs, &W->play, -1);
    break;
  case VIEW_BTN_HOME:
    if (have_runs(W)) view_play_home(&W->play);
    break;
  case VIEW_BTN_END:
    if (have_runs(W)) view_play_end(vs, &W->play);
    break;
  case VIEW_BTN_SLOWER:
    view_play_speed(&W->play, -1);
    break;
  case VIEW_BTN_FASTER:
    view_play_speed(&W->play, 1);
    break;
  case VIEW_BTN_LANG:
    set_lang(W, W->lang == VIEW_LANG_KO ? VIEW_LANG_EN : VIEW_LANG_KO);
    break;
  case VIEW_BTN_THEME:
    W->theme = W->theme == view_theme_light() ? view_theme_dark() : view_theme_light();
    break;
  case VIEW_BTN_SHOT:
    screenshot(W);
    break;
  case VIEW_BTN_HELP:
    W->help = !W->help;
    break;
  case VIEW_BTN_LESSONS:
    open_browser(W);
    break;
  default:
    break;
  }
  W->dirty = true;
}

static void focus_run(win *W, size_t run) {
  if (!have_runs(W)) return;
  view_play_focus(W->lesson->vs, &W->play, run);
  W->dirty = true;
}

static void lesson_key(win *W, const SDL_Keysym *k) {
  bool ctrl = (k->mod & KMOD_CTRL) != 0, shift = (k->mod & KMOD_SHIFT) != 0;
  if (predict_key(W, k)) return;
  switch (k->sym) {
  case SDLK_SPACE:
    act(W, VIEW_BTN_PLAY);
    break;
  case SDLK_x:
    if (!view_bp_empty(&W->bp))
      toast(W, "%s", W->lang == VIEW_LANG_KO ? "중단점 모두 지움" : "breakpoints cleared");
    view_bp_clear(&W->bp);
    W->dirty = true;
    break;
  case SDLK_RIGHT:
    act(W, VIEW_BTN_STEP);
    break;
  case SDLK_LEFT:
    act(W, VIEW_BTN_BACK);
    break;
  case SDLK_HOME:
    act(W, VIEW_BTN_HOME);
    break;
  case SDLK_END:
    act(W, VIEW_BTN_END);
    break;
  case SDLK_r:
    if (have_runs(W)) {
      view_play_home(&W->play);
      W->play.playing = true;
    }
    break;
  case SDLK_TAB:
    if (have_runs(W)) {
      size_t n = view_state_run_count(W->lesson->vs);
      focus_run(W, shift ? (W->play.run + n - 1) % n : (W->play.run + 1) % n);
    }
    break;
  case SDLK_s:
    if (!ctrl) act(W, VIEW_BTN_SHOT);
    break;
  case SDLK_e:
    if (ctrl) export_timeline(W);
    break;
  case SDLK_b:
    act(W, VIEW_BTN_LESSONS);
    break;
  case SDLK_o:
    if (ctrl) act(W, VIEW_BTN_LESSONS);
    break;
  case SDLK_PLUS:
  case SDLK_EQUALS:
  case SDLK_KP_PLUS:
    if (!ctrl) act(W, VIEW_BTN_FASTER);
    break;
  case SDLK_MINUS:
  case SDLK_KP_MINUS:
    if (!ctrl) act(W, VIEW_BTN_SLOWER);
    break;
  default:
    break;
  }
  W->dirty = true;
}

static void browser_key(win *W, const SDL_Keysym *k) {
  size_t n = W->list.n, page = view_browser_fit(&W->L);
  switch (k->sym) {
  case SDLK_UP:
    if (W->selected > 0) W->selected--;
    break;
  case SDLK_DOWN:
    if (W->selected + 1 < n) W->selected++;
    break;
  case SDLK_PAGEUP:
    W->selected = W->selected > page ? W->selected - page : 0;
    break;
  case SDLK_PAGEDOWN:
    W->selected = W->selected + page < n ? W->selected + page : (n ? n - 1 : 0);
    break;
  case SDLK_HOME:
    W->selected = 0;
    break;
  case SDLK_END:
    W->selected = n ? n - 1 : 0;
    break;
  case SDLK_RETURN:
  case SDLK_KP_ENTER:
    if (W->selected < n) open_lesson(W, W->list.e[W->selected].path, false);
    break;
  case SDLK_s:
    screenshot(W);
    break;
  case SDLK_r:
  case SDLK_F5: /* lessons added or renamed since */
    open_browser(W);
    break;
  default:
    break;
  }
  W->dirty = true;
}

static void key_down(win *W, const SDL_Keysym *k) {
  bool ctrl = (k->mod & KMOD_CTRL) != 0, shift = (k->mod & KMOD_SHIFT) != 0;
  /* Keys that work everywhere. */
  switch (k->sym) {
  case SDLK_ESCAPE:
    if (W->help)
      W->help = false;
    else if (W->mode == MODE_LESSON && W->predict.phase != VIEW_PREDICT_OFF) {
      W->predict.phase = VIEW_PREDICT_OFF; /* the questions put away */
      if (have_runs(W)) W->play.playing = !view_play_at_end(W->lesson->vs, &W->play);
    } else
      W->quit = true;
    W->dirty = true;
    return;
  case SDLK_F1:
    act(W, VIEW_BTN_HELP);
    return;
  case SDLK_SLASH:
    if (shift) act(W, VIEW_BTN_HELP);
    return;
  case SDLK_QUESTION:
    act(W, VIEW_BTN_HELP);
    return;
  case SDLK_F11:
    W->fullscreen = !W->fullscreen;
    SDL_SetWindowFullscreen(W->w, W->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    W->dirty = true;
    return;
  case SDLK_l:
    if (!ctrl) act(W, VIEW_BTN_LANG);
    return;
  case SDLK_t:
    if (!ctrl) act(W, VIEW_BTN_THEME);
    return;
  case SDLK_PLUS:
  case SDLK_EQUALS:
  case SDLK_KP_PLUS:
    if (ctrl) {
      set_zoom(W, W->zoom * ZOOM_STEP);
      return;
    }
    break;
  case SDLK_MINUS:
  case SDLK_KP_MINUS:
    if (ctrl) {
      set_zoom(W, W->zoom / ZOOM_STEP);
      return;
    }
    break;
  case SDLK_0:
    if (ctrl) {
      set_zoom(W, 1.0f);
      return;
    }
    break;
  default:
    break;
  }
  if (W->mode == MODE_LESSON)
    lesson_key(W, k);
  else
    browser_key(W, k);
}

/* Device pixels from window coordinates (they differ on high-DPI screens). */
static void to_units(const win *W, int x, int y, float *ux, float *uy) {
  int ww, wh;
  SDL_GetWindowSize(W->w, &ww, &wh);
  float sx = ww > 0 ? (float)W->pw / (float)ww : 1, sy = wh > 0 ? (float)W->ph / (float)wh : 1;
  *ux = (float)x * sx / W->L.scale;
  *uy = (float)y * sy / W->L.scale;
}

static bool in_rect(draw_rect r, float x, float y) {
  return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

/* The timeline's visible window, resolved (0 .. end when not zoomed). */
static void tl_window(const win *W, ls_time *from, ls_time *to) {
  *from = W->tl_from;
  *to = W->tl_to;
  if (*to <= *from) {
    *from = 0;
    *to = view_timeline_end(W->lesson->tl);
    if (*to <= 0) *to = LS_SEC;
  }
}

static void set_tl_window(win *W, ls_time from, ls_time to) {
  ls_time end = view_timeline_end(W->lesson->tl);
  if (end <= 0) end = LS_SEC;
  ls_time span = to - from;
  if (span >= end) {
    W->tl_from = W->tl_to = 0; /* everything: back to automatic */
    return;
  }
  if (span < 1000) span = 1000; /* 1 µs is as close as it gets */
  if (from < 0) from = 0;
  if (from + span > end) from = end - span;
  W->tl_from = from;
  W->tl_to = from + span;
}

static void update_hover(win *W) {
  W->tip[0] = 0;
  W->hover_button = -1;
  W->hover_row = -1;
  if (W->mode == MODE_BROWSER) {
    W->hover_row = view_browser_row_at(&W->bout, W->mx, W->my);
    return;
  }
  if (W->help) return;
  int b = view_screen_button_at(&W->L, W->mx, W->my);
  if (b >= 0) {
    static const view_key_id keys[VIEW_BTN__COUNT] = {
        [VIEW_BTN_HOME] = VIEW_KEY_ENDS,    [VIEW_BTN_BACK] = VIEW_KEY_BACK,
        [VIEW_BTN_PLAY] = VIEW_KEY_PLAY,    [VIEW_BTN_STEP] = VIEW_KEY_STEP,
        [VIEW_BTN_END] = VIEW_KEY_ENDS,     [VIEW_BTN_SLOWER] = VIEW_KEY_SPEED,
        [VIEW_BTN_FASTER] = VIEW_KEY_SPEED, [VIEW_BTN_LANG] = VIEW_KEY_LANG,
        [VIEW_BTN_THEME] = VIEW_KEY_THEME,  [VIEW_BTN_SHOT] = VIEW_KEY_SHOT,
        [VIEW_BTN_HELP] = VIEW_KEY_HELP,    [VIEW_BTN_LESSONS] = VIEW_KEY_LESSONS};
    W->hover_button = b;
    snprintf(W->tip, sizeof W->tip, "%s: %s", view_key_name(keys[b]),
             view_key_text(keys[b], W->lang));
    return;
  }
  if (W->out.tl_ok && W->lesson && in_rect(W->L.panel[VIEW_PANEL_TIMELINE], W->mx, W->my)) {
    view_tl_hit h;
    if (view_timeline_hit(W->lesson->tl, &W->out.tl, W->mx, W->my, &h) &&
        (h.what == VIEW_HIT_SPAN || h.what == VIEW_HIT_PRINT))
      view_timeline_describe(W->lesson->tl, &h, W->lang, W->tip, sizeof W->tip);
  }
}

/* A click on a task card, a future row or the code's gutter sets or clears a breakpoint. */
static bool toggle_breakpoint(win *W, float x, float y) {
  bool ko = W->lang == VIEW_LANG_KO, on;
  char what[64];
  ls_id id;
  const view_code_geom *G = &W->out.code;
  if ((id = view_hits_task_at(&W->out.hits, x, y)) != 0) {
    on = view_bp_toggle(&W->bp, VIEW_BP_TASK, id);
    snprintf(what, sizeof what, "%s", view_state_task_name(W->lesson->vs, W->play.run, id));
  } else if ((id = view_hits_future_at(&W->out.hits, x, y)) != 0) {
    on = view_bp_toggle(&W->bp, VIEW_BP_FUTURE, id);
    snprintf(what, sizeof what, "#%u", (unsigned)id);
  } else if (G->line_h > 0 && G->shown > 0 && x >= W->L.panel[VIEW_PANEL_CODE].x &&
             x < G->text_x && y >= G->body.y && y < G->body.y + G->line_h * (float)G->shown) {
    int line = G->first + (int)((y - G->body.y) / G->line_h);
    on = view_bp_toggle(&W->bp, VIEW_BP_LINE, line);
    snprintf(what, sizeof what, "%s %d", ko ? "줄" : "line", line);
  } else {
    return false;
  }
  char msg[128];
  const char *verb = on ? (ko ? "중단점" : "breakpoint") : (ko ? "중단점 해제" : "breakpoint cleared");
  snprintf(msg, sizeof msg, "%s: %s", verb, what);
  toast(W, "%s", msg);
  W->dirty = true;
  return true;
}

static void mouse_up(win *W, float x, float y) {
  bool was_drag = W->dragging;
  W->pressed = W->dragging = false;
  if (was_drag) return;
  if (W->mode == MODE_BROWSER) {
    int row = view_browser_row_at(&W->bout, x, y);
    if (row >= 0 && (size_t)row < W->list.n) {
      W->selected = (size_t)row;
      open_lesson(W, W->list.e[row].path, false);
    }
    return;
  }
  if (W->help) {
    W->help = false;
    W->dirty = true;
    return;
  }
  if (W->predict.phase == VIEW_PREDICT_ASK) {
    int ch = view_predict_choice_at(&W->out.predict, x, y);
    if (ch) {
      predict_answer(W, ch);
      return;
    }
  } else if (W->predict.phase == VIEW_PREDICT_REVEAL) {
    predict_next(W);
    return;
  }
  int b = view_screen_button_at(&W->L, x, y);
  if (b >= 0) {
    act(W, (view_button)b);
    return;
  }
  for (size_t i = 0; i < W->out.nrun_tabs; i++)
    if (in_rect(W->out.run_tab[i], x, y)) {
      focus_run(W, i);
      return;
    }
  if (have_runs(W) && toggle_breakpoint(W, x, y)) return;
  if (have_runs(W) && W->out.tl_ok && in_rect(W->L.panel[VIEW_PANEL_TIMELINE], x, y)) {
    const view_tl_layout *T = &W->out.tl;
    /* A click on a run's rows shows that run; anywhere over the plot goes to that time. */
    for (size_t r = 0; r < T->nruns; r++) {
      const view_tl_run_layout *R = &T->run[r];
      draw_rect band = {R->labels.x, R->header.h > 0 ? R->header.y : R->rows.y,
                        R->rows.x + R->rows.w - R->labels.x,
                        R->rows.y + R->rows.h - (R->header.h > 0 ? R->header.y : R->rows.y)};
      if (in_rect(band, x, y) && r != W->play.run) focus_run(W, r);
    }
    if (x >= T->plot_x && x <= T->plot_x + T->plot_w) {
      W->play.playing = false;
      view_play_seek(W->lesson->vs, &W->play, view_tl_time(T, x));
    }
    W->dirty = true;
  }
}

static void mouse_wheel(win *W, int dy) {
  if (W->mode == MODE_BROWSER) {
    size_t n = W->list.n;
    if (dy > 0 && W->selected > 0) W->selected--;
    if (dy < 0 && W->selected + 1 < n) W->selected++;
    W->dirty = true;
    return;
  }
  if (!W->lesson) return;
  if (W->out.tl_ok && in_rect(W->L.panel[VIEW_PANEL_TIMELINE], W->mx, W->my)) {
    /* Zoom around the time under the pointer. */
    ls_time from, to;
    tl_window(W, &from, &to);
    const view_tl_layout *T = &W->out.tl;
    ls_time at = W->mx >= T->plot_x && W->mx <= T->plot_x + T->plot_w ? view_tl_time(T, W->mx)
                                                                      : (from + to) / 2;
    double f = dy > 0 ? WHEEL_ZOOM : 1.0 / WHEEL_ZOOM;
    for (int i = 1; i < abs(dy); i++)
      f *= dy > 0 ? WHEEL_ZOOM : 1.0 / WHEEL_ZOOM;
    ls_time nf = at - (ls_time)((double)(at - from) * f);
    ls_time nt = at + (ls_time)((double)(to - at) * f);
    set_tl_window(W, nf, nt);
  } else if (in_rect(W->L.panel[VIEW_PANEL_CODE], W->mx, W->my)) {
    if (W->code_first < 1) W->code_first = W->out.code.first;
    W->code_at = W->play.at;
    W->code_run = W->play.run;
    W->code_first -= dy * 3;
    int max_first = view_code_lines(W->lesson->code) - W->out.code.shown + 1;
    if (W->code_first > max_first) W->code_first = max_first;
    if (W->code_first < 1) W->code_first = 1;
  } else if (in_rect(W->L.panel[VIEW_PANEL_EXPLAIN], W->mx, W->my)) {
    W->explain_scroll -= dy;
    if (W->explain_scroll > W->out.explain_lines - 1)
      W->explain_scroll = W->out.explain_lines - 1;
    if (W->explain_scroll < 0) W->explain_scroll = 0;
  }
  W->dirty = true;
}

static void mouse_motion(win *W, int x, int y) {
  to_units(W, x, y, &W->mx, &W->my);
  if (W->pressed && W->mode == MODE_LESSON && W->lesson) {
    float ux, uy;
    to_units(W, x, y, &ux, &uy);
    float dx_px = (ux - W->press_x) * W->L.scale;
    if (!W->dragging && fabsf(dx_px) > DRAG_SLOP &&
        in_rect(W->L.panel[VIEW_PANEL_TIMELINE], W->press_x, W->press_y))
      W->dragging = true;
    if (W->dragging && W->out.tl_ok && W->out.tl.plot_w > 0) {
      /* Pan: the time under the pointer stays under it. */
      ls_time span = W->drag_to - W->drag_from;
      double ns_per_unit = (double)span / W->out.tl.plot_w;
      ls_time shift = (ls_time)((double)(ux - W->press_x) * ns_per_unit);
      set_tl_window(W, W->drag_from - shift, W->drag_to - shift);
    }
  }
  update_hover(W);
  W->dirty = true;
}

static void handle(win *W, const SDL_Event *e) {
  switch (e->type) {
  case SDL_QUIT:
    W->quit = true;
    break;
  case SDL_KEYDOWN:
    key_down(W, &e->key.keysym);
    break;
  case SDL_MOUSEMOTION:
    mouse_motion(W, e->motion.x, e->motion.y);
    break;
  case SDL_MOUSEBUTTONDOWN:
    if (e->button.button == SDL_BUTTON_LEFT) {
      to_units(W, e->button.x, e->button.y, &W->press_x, &W->press_y);
      W->pressed = true;
      W->dragging = false;
      if (W->mode == MODE_LESSON && W->lesson) tl_window(W, &W->drag_from, &W->drag_to);
    }
    break;
  case SDL_MOUSEBUTTONUP:
    if (e->button.button == SDL_BUTTON_LEFT) {
      float x, y;
      to_units(W, e->button.x, e->button.y, &x, &y);
      mouse_up(W, x, y);
    }
    break;
  case SDL_MOUSEWHEEL:
    mouse_wheel(W, e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e->wheel.y : e->wheel.y);
    break;
  case SDL_WINDOWEVENT:
    if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
        e->window.event == SDL_WINDOWEVENT_RESIZED)
      relayout(W);
    if (e->window.event == SDL_WINDOWEVENT_LEAVE) {
      W->tip[0] = 0;
      W->hover_button = -1;
    }
    W->dirty = true;
    break;
  case SDL_RENDER_TARGETS_RESET:
  case SDL_RENDER_DEVICE_RESET:
    draw_sdl_flush_cache(W->ds);
    W->dirty = true;
    break;
  default:
    break;
  }
}

/* ---- The loop -----------------------------------------------------------------------------
 */

static SDL_Renderer *make_renderer(SDL_Window *w, bool vsync) {
  SDL_Renderer *r = NULL;
  if (vsync)
    r = SDL_CreateRenderer(w, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!r) r = SDL_CreateRenderer(w, -1, SDL_RENDERER_ACCELERATED);
  if (!r) r = SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE);
  if (!r) r = SDL_CreateRenderer(w, -1, 0);
  return r;
}

static void win_close(win *W) {
  view_snap_free(&W->snap);
  view_code_track_free(W->track);
  app_lesson_free(W->lesson);
  app_lessons_clear(&W->list);
  app_progress_clear(&W->progress);
  free(W->items);
  draw_sdl_free(W->ds);
  if (W->r) SDL_DestroyRenderer(W->r);
  if (W->w) SDL_DestroyWindow(W->w);
  draw_fonts_free(W->fonts);
  SDL_Quit();
}

/* Plays `frames` frames back to back (no vsync) and prints what one costs. */
static int bench(win *W, long frames) {
  if (!have_runs(W)) {
    fprintf(stderr, "bench: the lesson has no runs\n");
    return 1;
  }
  W->play.playing = true;
  W->play.speed = VIEW_PLAY_SPEED_MAX;
  double total = 0, worst = 0;
  double *ms = malloc((size_t)frames * sizeof *ms);
  if (!ms) return 1;
  for (long i = 0; i < frames; i++) {
    Uint64 t0 = SDL_GetPerformanceCounter();
    SDL_Event e;
    while (SDL_PollEvent(&e))
      ;
    view_play_advance(W->lesson->vs, &W->play, 1.0 / 60);
    if (!W->play.playing) { /* around again: every part of the lesson gets measured */
      view_play_home(&W->play);
      W->play.playing = true;
    }
    render(W);
    double d = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
               (double)SDL_GetPerformanceFrequency();
    ms[i] = d;
    total += d;
    if (d > worst) worst = d;
  }
  /* The 95th percentile, by a partial selection sort: frames is small. */
  long k = frames - frames / 20 - 1;
  for (long i = 0; i <= k && i < frames; i++)
    for (long j = i + 1; j < frames; j++)
      if (ms[j] < ms[i]) {
        double t = ms[i];
        ms[i] = ms[j];
        ms[j] = t;
      }
  SDL_RendererInfo info;
  SDL_GetRendererInfo(W->r, &info);
  fprintf(stderr,
          "bench: %ld frames at %dx%d (%s renderer, %zu tasks): %.2f ms per frame on average, "
          "95th percentile %.2f ms, worst %.2f ms\n",
          frames, W->pw, W->ph, info.name, W->snap.ntasks, total / (double)frames,
          k >= 0 ? ms[k] : 0, worst);
  free(ms);
  return 0;
}

int app_window(const cli *c) {
  win Wbuf, *W = &Wbuf;
  memset(W, 0, sizeof *W);
  W->zoom = 1.0f;
  W->lang = c->lang && !strcmp(c->lang, "en") ? VIEW_LANG_EN : VIEW_LANG_KO;
  W->theme = view_theme_named(c->theme) ? view_theme_named(c->theme) : view_theme_light();
  W->hover_button = W->hover_row = -1;
  const char *bench_env = getenv("LOOPSCOPE_BENCH_FRAMES");
  long bench_frames = bench_env ? strtol(bench_env, NULL, 10) : 0;

  /* A lesson file that cannot be read is a usage error before any window opens. */
  if (c->file) {
    FILE *f = fopen(c->file, "rb");
    if (!f) {
      fprintf(stderr, "loopscope: cannot open %s: %s\n", c->file, strerror(errno));
      return 2;
    }
    fclose(f);
  }
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
  /* No X and no Wayland: only a console (KMS) display can be had; do not let SDL probe the
     others, which complain on stderr. */
  if (!getenv("SDL_VIDEODRIVER") && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "kmsdrm");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    fprintf(stderr,
            "loopscope: cannot open a window: %s\n(no display? try 'loopscope shot' or "
            "'loopscope run')\n",
            SDL_GetError());
    return 1;
  }
  /* With no display SDL falls back to its offscreen driver: a window nobody can see that never
     closes. Refuse unless asked for by name (the frame bench does). */
  const char *drv = SDL_GetCurrentVideoDriver(), *asked = getenv("SDL_VIDEODRIVER");
  if (drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy")) &&
      !(asked && !strcmp(asked, drv)) && bench_frames <= 0) {
    fprintf(stderr, "loopscope: no display to open a window on (DISPLAY and WAYLAND_DISPLAY "
                    "are not set); try 'loopscope shot' or 'loopscope run'\n");
    SDL_Quit();
    return 1;
  }
  char dir[4096];
  if (view_font_dir(dir, sizeof dir) != 0 || !(W->fonts = draw_fonts_new(dir))) {
    fprintf(stderr, "loopscope: the fonts in assets/fonts were not found\n");
    SDL_Quit();
    return 2;
  }
  int w = 1280, h = 720;
  SDL_DisplayMode dm;
  if (SDL_GetDesktopDisplayMode(0, &dm) == 0 && dm.w >= 1920 && dm.h >= 1080) w = 1600, h = 900;
  if (c->width > 0 && c->height > 0 && (c->width != 1600 || c->height != 900))
    w = c->width, h = c->height; /* --size, when given */
  W->w = SDL_CreateWindow("Loopscope", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                          SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!W->w || !(W->r = make_renderer(W->w, bench_frames <= 0)) ||
      !(W->ds = draw_sdl_new(W->r, W->fonts))) {
    fprintf(stderr, "loopscope: cannot open a window: %s\n", SDL_GetError());
    win_close(W);
    return 1;
  }
  SDL_SetWindowMinimumSize(W->w, 640, 360);
  W->track = view_code_track_new();
  if (!W->track) {
    fprintf(stderr, "loopscope: out of memory\n");
    win_close(W);
    return 1;
  }
  relayout(W);
  char ppath[4096];
  if (app_progress_path(ppath, sizeof ppath) == 0) app_progress_load(&W->progress, ppath);
  if (c->file)
    open_lesson(W, c->file, false);
  else
    open_browser(W);
  if (bench_frames > 0) {
    int rc = bench(W, bench_frames);
    win_close(W);
    return rc;
  }
  SDL_RendererInfo info;
  bool vsync =
      SDL_GetRendererInfo(W->r, &info) == 0 && (info.flags & SDL_RENDERER_PRESENTVSYNC);
  Uint64 last = SDL_GetPerformanceCounter();
  W->dirty = true;
  while (!W->quit) {
    SDL_Event e;
    bool animating = W->play.playing || (W->toast_until && now_ms() < W->toast_until + 100);
    if (!animating && !W->dirty) {
      if (SDL_WaitEventTimeout(&e, 100)) handle(W, &e);
    }
    while (SDL_PollEvent(&e))
      handle(W, &e);
    Uint64 now = SDL_GetPerformanceCounter();
    double dt = (double)(now - last) / (double)SDL_GetPerformanceFrequency();
    last = now;
    if (dt > 0.25) dt = 0.25; /* after a stall, do not jump */
    if (W->mode == MODE_LESSON && W->play.playing && W->lesson) {
      size_t run0 = W->play.run, at0 = W->play.at;
      view_play_advance(W->lesson->vs, &W->play, dt);
      if (view_bp_play(W->lesson->vs, &W->play, run0, at0, &W->bp))
        toast(W, "%s", W->lang == VIEW_LANG_KO ? "중단점에서 멈춤" : "stopped at a breakpoint");
      W->dirty = true;
    }
    if (W->mode == MODE_LESSON) predict_progress(W);
    if (W->toast_until && now_ms() >= W->toast_until) {
      W->toast_until = 0;
      W->dirty = true;
    }
    /* The student saved the lesson in their editor: run it again and restart. */
    if (W->mode == MODE_LESSON && W->lesson && now_ms() >= W->next_poll) {
      W->next_poll = now_ms() + POLL_MS;
      if (app_lesson_changed(W->lesson)) {
        char path[4096];
        snprintf(path, sizeof path, "%s", W->lesson->path);
        open_lesson(W, path, true);
      }
    }
    if (W->dirty) {
      W->dirty = false;
      render(W);
      if (!vsync) SDL_Delay(W->play.playing ? 12 : 1);
    }
  }
  int status = W->status;
  win_close(W);
  return status;
}

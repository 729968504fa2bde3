/* view_screen.h -- the whole window as one picture: every panel's rectangle computed from the
 * window size (1280x720 up to 4K), and one draw call shared by the window, `shot` and tests. */
#ifndef LS_VIEW_SCREEN_H
#define LS_VIEW_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "view_i18n.h"
#include "view_panels.h"
#include "view_predict.h"
#include "view_state.h"
#include "view_timeline.h"

/* One list of the window's keys: the help overlay is drawn from it and the docs copy it.
   id, key, English, Korean. */
#define VIEW_KEYS(X)                                                                           \
  X(PLAY, "Space", "play / pause", "재생 / 일시정지")                                          \
  X(STEP, "Right", "one step: the next loop event", "한 단계: 다음 루프 이벤트")               \
  X(BACK, "Left", "one step back (time travel)", "한 단계 뒤로 (시간 되돌리기)")               \
  X(ENDS, "Home / End", "the start / the end", "처음 / 끝")                                    \
  X(SPEED, "+ / -", "playback speed, 0.25x to 16x", "재생 속도, 0.25배에서 16배")              \
  X(RESTART, "R", "restart", "처음부터 다시")                                                  \
  X(RUN, "Tab", "show the other run's panels", "다른 실행의 패널 보기")                        \
  X(LANG, "L", "한국어 / English", "한국어 / English")                                         \
  X(THEME, "T", "light / dark", "밝은 / 어두운 화면")                                          \
  X(TEXT, "Ctrl + / Ctrl -", "text size", "글자 크기")                                         \
  X(FULL, "F11", "fullscreen", "전체 화면")                                                    \
  X(LESSONS, "B / Ctrl+O", "back to the lesson list", "레슨 목록으로")                         \
  X(SHOT, "S", "save a screenshot (PNG)", "스크린샷 저장 (PNG)")                               \
  X(EXPORT, "Ctrl+E", "save the timeline (PNG)", "타임라인 저장 (PNG)")                        \
  X(BREAK, "click / X", "breakpoint: task, future, code line / clear all",                    \
    "중단점: 태스크, 퓨처, 코드 줄 / 모두 지우기")                                             \
  X(WHEEL, "wheel / drag", "zoom / pan the timeline", "타임라인 확대 / 이동")                  \
  X(CLICK, "click", "timeline: go to that time", "타임라인: 그 시각으로 이동")                 \
  X(PREDICT, "1-4 / Enter", "predict: answer / skip (Esc puts it away)",                      \
    "예측: 답하기 / 건너뛰기 (Esc: 닫기)")                                                    \
  X(HELP, "? / F1", "this help", "이 도움말")                                                  \
  X(QUIT, "Esc", "quit", "종료")

typedef enum {
#define VIEW_KEY_ENUM(id, key, en, ko) VIEW_KEY_##id,
  VIEW_KEYS(VIEW_KEY_ENUM)
#undef VIEW_KEY_ENUM
      VIEW_KEY__COUNT
} view_key_id;

const char *view_key_name(view_key_id id);
const char *view_key_text(view_key_id id, view_lang lang);

typedef enum {
  VIEW_PANEL_TOP = 0, /* title, run tabs, clock */
  VIEW_PANEL_CODE,
  VIEW_PANEL_QUEUE,
  VIEW_PANEL_TASKS,
  VIEW_PANEL_TIMERS,
  VIEW_PANEL_FUTURES,
  VIEW_PANEL_CONSOLE,
  VIEW_PANEL_TIMELINE,
  VIEW_PANEL_EXPLAIN,
  VIEW_PANEL_STATUS, /* buttons and what just happened */
  VIEW_PANEL__COUNT
} view_panel_id;

/* The clickable controls in the status bar, each one also a key. */
typedef enum {
  VIEW_BTN_HOME = 0,
  VIEW_BTN_BACK,
  VIEW_BTN_PLAY,
  VIEW_BTN_STEP,
  VIEW_BTN_END,
  VIEW_BTN_SLOWER,
  VIEW_BTN_FASTER,
  VIEW_BTN_LANG,
  VIEW_BTN_THEME,
  VIEW_BTN_SHOT,
  VIEW_BTN_HELP,
  VIEW_BTN_LESSONS,
  VIEW_BTN__COUNT
} view_button;

#define VIEW_TEXT_PX 13.0f /* base text size in layout units at zoom 1 */
#define VIEW_ZOOM_MIN 0.75f
#define VIEW_ZOOM_MAX 2.0f

typedef struct view_screen_layout {
  int width, height; /* device pixels */
  float scale;       /* device pixels per layout unit: 1 at 1280x720, 3 at 3840x2160 */
  float T;           /* base text size, layout units */
  draw_rect screen;  /* layout units */
  draw_rect panel[VIEW_PANEL__COUNT];
  draw_rect button[VIEW_BTN__COUNT];
  draw_rect speed;  /* the speed label between - and + */
  draw_rect status; /* the "what just happened" line */
} view_screen_layout;

/* Lays the screen out for a width x height pixel window and a text zoom (1: normal). */
void view_screen_layout_compute(int width, int height, float zoom, view_screen_layout *L);
/* The same for a timeline of `rows` task rows (all runs'): more rows, a taller timeline. */
void view_screen_layout_rows(int width, int height, float zoom, size_t rows,
                             view_screen_layout *L);
/* The task rows of a timeline's runs, for view_screen_layout_rows. */
size_t view_screen_timeline_rows(const view_timeline *tl);
/* The button under a point in layout units, or -1. */
int view_screen_button_at(const view_screen_layout *L, float x, float y);
/* The panel under a point in layout units, or -1. */
int view_screen_panel_at(const view_screen_layout *L, float x, float y);

/* What the screen shows. Everything may be NULL or zero: it then draws empty panels. */
typedef struct view_screen_model {
  const view_state *vs;
  view_timeline *tl;
  const view_snap *snap; /* the focused run at the playhead */
  const view_play *play;
  const view_code *code;
  int code_first;              /* first code line shown; < 1: follow the running line */
  view_code_track *code_track; /* makes following the running line a function of the record
                                  (optional: without it, the line is kept a third down) */
  const char *title, *file, *explain;
  const char *error; /* a load or run error: shown instead of the explanation */
  int error_line;
  const char *goal;    /* an exercise's goal: shown with the verdict above the explanation */
  const char *verdict; /* an exercise's check, "✓ ..." or "✗ ..." (NULL: not an exercise) */
  bool verdict_ok;
  view_lang lang;
  ls_time tl_from, tl_to; /* the timeline's zoom; to <= from: everything */
  int explain_scroll;
  bool help;
  const char *toast; /* a passing message ("saved ...") */
  const char *tip;   /* a hover tip at (tip_x, tip_y), layout units */
  float tip_x, tip_y;
  int hover_button; /* -1 for none */
  float queue_slide, queue_enter; /* the ready queue in motion: view_queue_draw_moving */
  float arrow_pulse; /* (0, 1]: how far along a hot arrow its error or cancellation has
                        travelled, drawn as a dot; 0 (shots): no dot */
  const view_predict *predict;    /* the lesson's questions over the panels (NULL: none) */
  const view_bp *bp; /* breakpoints to mark; may be NULL */
} view_screen_model;

/* What was drawn where, for pointing at it. */
typedef struct view_screen_out {
  view_tl_layout tl;
  bool tl_ok;
  view_code_geom code;
  draw_rect run_tab[VIEW_TL_MAX_RUNS];
  size_t nrun_tabs;
  int explain_lines;
  draw_rect title; /* where the lesson's title was drawn, at title_px */
  float title_px;
  view_predict_out predict; /* the question card and its choices */
  view_hits hits; /* where task cards, futures and timer rows were drawn */
  size_t narrows; /* await arrows drawn */
  size_t nhot;    /* of them, hot: an error or cancellation travelling (the window animates) */
} view_screen_out;

/* Draws everything in L's layout. out may be NULL. */
void view_screen_draw(const draw_ctx *c, const view_screen_layout *L,
                      const view_screen_model *m, view_screen_out *out);

#endif

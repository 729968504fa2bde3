/* test_big.c -- big traces: sub-pixel spans merge; 10,000 tasks, 1,000,000 events draw fast. */
#include <SDL.h>
#include <string.h>

#include "draw_svg.h"
#include "view_theme.h"
#include "vt.h"

#define BIG_TASKS 10000
#define BIG_ROUNDS 50 /* steps per task: 2 records each, so about a million records */

static double ms_since(Uint64 t0) {
  return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
         (double)SDL_GetPerformanceFrequency();
}

int vt_timeline_merge(void) {
  /* One task stepping every 20 µs for 2 s: 100,000 steps and waits, all under a pixel. */
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 1, 0, 1, vt_str(tr, "busy"));
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 2, 0, 1, vt_str(tr, "lazy"));
  vt_rec(tr, 0, LS_EV_STEP, 0, 2, 0, 1, 0);
  vt_rec(tr, 0, LS_EV_SUSPEND, LS_WAIT_SLEEP, 2, 0, 1, LS_FROM_SEC(2));
  ls_trace_rec r = {.task = 1, .line = 2};
  for (int i = 0; i < 100000; i++) {
    r.t = (ls_time)i * 20000;
    r.kind = LS_EV_STEP;
    trace_add(tr, &r);
    r.t += 10000;
    r.kind = LS_EV_SUSPEND;
    r.sub = LS_WAIT_READY;
    trace_add(tr, &r);
  }
  vt_rec(tr, 2, LS_EV_STEP, 0, 2, 0, 1, 0);
  vt_rec(tr, 2, LS_EV_TASK_DONE, LS_OUT_RESULT, 2, 0, 1, 0);
  vt_rec(tr, 2, LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  view_timeline *tl = view_timeline_new();
  VT_EQ(view_timeline_add_run(tl, "merge", tr), 0);
  draw_canvas *cv = draw_canvas_new(1600, 900, vt_fonts());
  const view_theme *th = view_theme_light();
  draw_ctx c = draw_canvas_ctx(cv, 1, th);
  view_tl_opts o = {.title = "merge", .lang = VIEW_LANG_EN};
  view_tl_stats st;
  view_tl_layout L;
  VT_EQ(view_timeline_draw(tl, &c, (draw_rect){0, 0, 1600, 900}, &o, &L, &st), 0);
  draw_canvas_save_png(cv, "timeline_merge.png");
  /* The busy row is one bar; the lazy one keeps its two steps and one wait apart. */
  VT_CHECK(st.segments[VIEW_SPAN_RUN] <= 3 + 2);
  VT_CHECK(st.segments[VIEW_SPAN_WAIT] <= 2 + 1);
  VT_CHECK(st.merged >= 2 * 100000 - 10);
  draw_rect row = view_tl_row(&L, 0, 0);
  int y = (int)(row.y + row.h / 2);
  VT_COLOR(draw_canvas_pixel(cv, (int)view_tl_x(&L, LS_FROM_SEC(1.0)), y),
           view_theme_task(th, 1), VT_FILL_TOL);
  /* Zoomed into 100 µs the steps come apart again: five steps, each its own rect. */
  o.from = LS_FROM_SEC(1.0);
  o.to = LS_FROM_SEC(1.0001);
  VT_EQ(view_timeline_draw(tl, &c, (draw_rect){0, 0, 1600, 900}, &o, &L, &st), 0);
  VT_CHECK(st.segments[VIEW_SPAN_RUN] >= 5 && st.segments[VIEW_SPAN_RUN] <= 7);
  VT_CHECK(st.culled > 190000);
  draw_canvas_save_png(cv, "timeline_merge_zoom.png");
  draw_canvas_free(cv);
  view_timeline_free(tl);
  trace_free(tr);
  return 0;
}

int vt_timeline_big(void) {
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, 0, vt_str(tr, "10,000 tasks"));
  for (int i = 0; i < BIG_TASKS; i++) {
    char name[32];
    snprintf(name, sizeof name, "Task-%d", i + 2);
    vt_rec(tr, 0, LS_EV_TASK_NEW, 0, (ls_id)(i + 2), 1, 3, vt_str(tr, name));
  }
  /* Round-robin: every task steps once per round, 10 µs apart, then sleeps. */
  ls_trace_rec r = {.line = 4};
  for (int k = 0; k < BIG_ROUNDS; k++)
    for (int i = 0; i < BIG_TASKS; i++) {
      r.task = (ls_id)(i + 2);
      r.t = ((ls_time)k * BIG_TASKS + i) * 10000;
      r.kind = LS_EV_STEP;
      r.sub = 0;
      r.arg = 0;
      trace_add(tr, &r);
      r.t += 1000;
      r.kind = k + 1 < BIG_ROUNDS ? LS_EV_SUSPEND : LS_EV_TASK_DONE;
      r.sub = k + 1 < BIG_ROUNDS ? LS_WAIT_SLEEP : LS_OUT_RESULT;
      r.arg = r.t + (ls_time)BIG_TASKS * 10000 - 1000;
      trace_add(tr, &r);
    }
  vt_rec(tr, LS_TO_SEC((ls_time)BIG_ROUNDS * BIG_TASKS * 10000), LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  printf("  trace: %zu records\n", trace_count(tr));
  VT_CHECK(trace_count(tr) >= 1000000);

  Uint64 t0 = SDL_GetPerformanceCounter();
  view_timeline *tl = view_timeline_new();
  VT_EQ(view_timeline_add_run(tl, NULL, tr), 0);
  double build = ms_since(t0);
  VT_EQ(view_timeline_task_count(tl, 0), BIG_TASKS);

  draw_canvas *cv = draw_canvas_new(1600, 900, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  view_tl_opts o = {.title = "10,000 tasks, 1,000,000 events", .lang = VIEW_LANG_EN};
  view_tl_stats st;
  view_tl_layout L;
  t0 = SDL_GetPerformanceCounter();
  VT_EQ(view_timeline_draw(tl, &c, (draw_rect){0, 0, 1600, 900}, &o, &L, &st), 0);
  draw_canvas_surface(cv); /* flushes the renderer */
  double draw = ms_since(t0);
  draw_canvas_save_png(cv, "timeline_big.png");

  draw_svg *svg = draw_svg_new(vt_fonts(), 1600, 900);
  draw_ctx cs = draw_svg_ctx(svg, 1, view_theme_light());
  t0 = SDL_GetPerformanceCounter();
  VT_EQ(view_timeline_draw(tl, &cs, (draw_rect){0, 0, 1600, 900}, &o, NULL, NULL), 0);
  size_t len;
  VT_CHECK(draw_svg_finish(svg, &len));
  double svgms = ms_since(t0);
  printf("  build %.0f ms, draw PNG %.0f ms, draw SVG %.0f ms (%zu KiB); %zu rows shown, "
         "%zu segments, %zu merged, %zu culled\n",
         build, draw, svgms, len / 1024, L.run[0].shown,
         st.segments[0] + st.segments[1] + st.segments[2], st.merged, st.culled);
  /* Drawing is bounded by the pixels, not the events: at most a rect per pixel column per
     layer per shown row. */
  VT_CHECK(L.run[0].shown > 0 && L.run[0].hidden > 0);
  size_t bound = L.run[0].shown * (size_t)L.plot_w * 2;
  VT_CHECK(st.segments[0] + st.segments[1] + st.segments[2] <= bound);
  draw_svg_free(svg);
  draw_canvas_free(cv);
  view_timeline_free(tl);
  trace_free(tr);
  return 0;
}

/* test_links.c -- await arrows and breakpoints: the arrows for a state (lesson 1's gather, a
 * synthetic cancellation) and where playback stops for a breakpoint, above the pixels. */
#include <stdlib.h>
#include <string.h>

#include "loop.h"
#include "view_links.h"
#include "view_screen.h"
#include "view_theme.h"
#include "vt.h"
#include "vt_lesson.h"

#define S(x) ((ls_time)((x)*1e9))

static bool same_rect(draw_rect a, draw_rect b) {
  return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static ls_id task_id(const view_state *vs, size_t run, const char *name) {
  for (ls_id id = 1; id < 64; id++)
    if (!strcmp(view_state_task_name(vs, run, id), name)) return id;
  return 0;
}

int vt_links_gather(void) {
  /* Lesson 1's async run at 1.0 s: three child tasks sleep under a gather that main awaits.
     Every child's card points at the gather's row, and main's card points at it too. */
  ls_trace *sync = vt_l1_sync(), *async = vt_l1_async();
  view_state *vs = view_state_new();
  size_t len;
  const char *src = vt_l1_source(&len);
  view_code *code = view_code_new(src, len);
  draw_canvas *cv = draw_canvas_new(1280, 720, vt_fonts());
  VT_CHECK(sync && async && vs && code && cv);
  VT_EQ(view_state_add_run(vs, NULL, sync), 0);
  VT_EQ(view_state_add_run(vs, NULL, async), 1);
  view_play play;
  view_play_init(&play);
  play.run = 1;
  view_play_seek(vs, &play, S(1.0));
  view_snap snap;
  memset(&snap, 0, sizeof snap);
  VT_EQ(view_state_at(vs, 1, play.at, play.t, &snap), 0);
  view_screen_layout L;
  view_screen_layout_compute(1280, 720, 1.0f, &L);
  view_screen_model m = {
      .vs = vs, .snap = &snap, .play = &play, .code = code, .hover_button = -1};
  view_screen_out *out = calloc(1, sizeof *out);
  VT_CHECK(out);
  draw_ctx c = draw_canvas_ctx(cv, L.scale, view_theme_light());
  view_screen_draw(&c, &L, &m, out);

  view_arrow a[64];
  size_t n = view_links_arrows(vs, &snap, &out->hits, a, 64);
  VT_CHECK(n <= 64);
  VT_EQ(n, out->narrows);
  size_t child = 0, gather = 0, sleep = 0;
  ls_id g = 0;
  for (size_t i = 0; i < n; i++)
    if (a[i].kind == VIEW_ARROW_GATHER) {
      gather++;
      g = a[i].b;
      const view_st_task *k = view_snap_task(&snap, a[i].a);
      VT_CHECK(k && k->wait == LS_WAIT_GATHER && k->wait_obj == g);
      VT_CHECK(same_rect(a[i].from, *view_hits_task(&out->hits, k->id)));
    }
  VT_EQ(gather, 1);
  const draw_rect *gr = view_hits_future(&out->hits, g);
  VT_CHECK(gr != NULL);
  for (size_t i = 0; i < n; i++) {
    VT_EQ(a[i].hot, 0);
    if (a[i].kind == VIEW_ARROW_CHILD) {
      child++;
      VT_EQ(a[i].b, g);
      VT_CHECK(same_rect(a[i].to, *gr));
      VT_CHECK(same_rect(a[i].from, *view_hits_task(&out->hits, a[i].a)));
    } else if (a[i].kind == VIEW_ARROW_SLEEP) {
      sleep++;
      VT_CHECK(same_rect(a[i].to, *view_hits_sleep(&out->hits, a[i].a)));
    }
    if (a[i].kind == VIEW_ARROW_GATHER) VT_CHECK(same_rect(a[i].to, *gr));
  }
  VT_EQ(child, 3);
  /* The children still sleeping (Task-4 ended at 1 s) also point at their timer rows. */
  size_t sleepers = 0;
  for (size_t i = 0; i < snap.ntasks; i++)
    if (snap.tasks[i].state == VIEW_TS_WAITING && snap.tasks[i].wait == LS_WAIT_SLEEP)
      sleepers++;
  VT_EQ(sleepers, 2);
  VT_EQ(sleep, sleepers);
  draw_canvas_save_png(cv, "links_l1_1.0s.png");
  free(out);
  draw_canvas_free(cv);
  view_snap_free(&snap);
  view_code_free(code);
  view_state_free(vs);
  trace_free(sync);
  trace_free(async);
  return 0;
}

static void rec(ls_trace *tr, double t, int kind, int sub, ls_id task, ls_id obj, int64_t arg) {
  ls_trace_rec r = {S(t), (uint8_t)kind, (uint8_t)sub, 0, task, obj, 3, arg};
  trace_add(tr, &r);
}

int vt_links_cancel(void) {
  /* main (1) awaits worker (2); worker is cancelled: for the records after, the arrow between
     them is hot, in the cancelled colour's sense, from worker to main; later it is gone. */
  ls_trace *tr = trace_new();
  VT_CHECK(tr);
  rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, trace_intern(tr, "main", 4));
  rec(tr, 0, LS_EV_TASK_NEW, 0, 1, 0, trace_intern(tr, "main", 4));
  rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 1, 0, 0);
  rec(tr, 0, LS_EV_STEP, 0, 1, 0, 0);
  rec(tr, 0, LS_EV_TASK_NEW, 0, 2, 1, trace_intern(tr, "worker", 6));
  rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 2, 0, 0);
  rec(tr, 0, LS_EV_SUSPEND, LS_WAIT_TASK, 1, 2, 0);
  size_t waiting = trace_count(tr);
  rec(tr, 0, LS_EV_STEP, 2, 2, 0, 0);
  rec(tr, 0, LS_EV_TASK_DONE, LS_OUT_CANCELLED, 2, 0, 0);
  rec(tr, 0, LS_EV_SCHED, LS_H_WAKEUP, 1, 2, 0);
  size_t woken = trace_count(tr);
  for (int i = 0; i < VIEW_ARROW_HOT_RECORDS; i++)
    rec(tr, 0.1 * (i + 1), LS_EV_NOTE, 0, 0, 0, 0);
  size_t later = trace_count(tr);
  view_state *vs = view_state_new();
  VT_CHECK(vs);
  VT_EQ(view_state_add_run(vs, NULL, tr), 0);
  view_hits h;
  view_hits_clear(&h);
  draw_rect r1 = {10, 10, 100, 30}, r2 = {10, 50, 100, 30};
  view_hits_add(&h, 0, 1, 0, r1);
  view_hits_add(&h, 0, 2, 0, r2);
  view_snap s;
  memset(&s, 0, sizeof s);
  view_arrow a[8];

  VT_EQ(view_state_at(vs, 0, waiting, 0, &s), 0);
  VT_EQ(view_links_arrows(vs, &s, &h, a, 8), 1);
  VT_EQ(a[0].kind, VIEW_ARROW_TASK);
  VT_EQ(a[0].hot, 0);
  VT_EQ(a[0].a, 1);
  VT_CHECK(same_rect(a[0].from, r1) && same_rect(a[0].to, r2));

  VT_EQ(view_state_at(vs, 0, woken, 0, &s), 0);
  VT_EQ(view_links_arrows(vs, &s, &h, a, 8), 1);
  VT_EQ(a[0].hot, LS_OUT_CANCELLED);
  VT_CHECK(same_rect(a[0].from, r2) && same_rect(a[0].to, r1)); /* it travels to main */
  /* The window draws the cancellation as a dot riding the arrow: halfway at pulse 0.5, beside
     the line where the line itself does not reach; a shot (pulse 0) has no dot. */
  const view_theme *th = view_theme_light();
  view_arrow far = a[0];
  far.from = (draw_rect){10, 40, 20, 20}; /* a long level arrow: (30, 50) to (170, 50) */
  far.to = (draw_rect){170, 40, 20, 20};
  for (int pulse = 0; pulse < 2; pulse++) {
    draw_canvas *cv = draw_canvas_new(200, 100, vt_fonts());
    VT_CHECK(cv);
    draw_ctx c = draw_canvas_ctx(cv, 1, th);
    draw_fill(&c, (draw_rect){0, 0, 200, 100}, th->panel);
    view_links_draw(&c, 30, (draw_rect){0, 0, 200, 100}, &far, 1, pulse ? 0.5f : 0);
    draw_color px = draw_canvas_pixel(cv, 100, 55); /* off the line (4.5 wide), in the dot */
    if (pulse)
      VT_CHECK(draw_color_dist(px, th->cancelled) < 40);
    else
      VT_CHECK(draw_color_dist(px, th->panel) < 10);
    draw_canvas_free(cv);
  }

  VT_EQ(view_state_at(vs, 0, later, S(1), &s), 0);
  VT_EQ(view_links_arrows(vs, &s, &h, a, 8), 0);
  view_snap_free(&s);
  view_state_free(vs);
  trace_free(tr);
  return 0;
}

int vt_breakpoints(void) {
  /* Lesson 1's async run played from record 0 with a breakpoint on Task-3's resume stops
     right after the first STEP of Task-3. */
  ls_trace *sync = vt_l1_sync(), *async = vt_l1_async();
  view_state *vs = view_state_new();
  VT_CHECK(sync && async && vs);
  VT_EQ(view_state_add_run(vs, NULL, sync), 0);
  VT_EQ(view_state_add_run(vs, NULL, async), 1);
  ls_id t3 = task_id(vs, 1, "Task-3");
  VT_CHECK(t3 != 0);
  size_t first_step = 0;
  for (size_t i = 0; i < trace_count(async); i++) {
    const ls_trace_rec *e = trace_get(async, i);
    if (e->kind == LS_EV_STEP && e->task == t3) {
      first_step = i + 1;
      break;
    }
  }
  VT_CHECK(first_step > 0);
  view_bp bp;
  view_bp_clear(&bp);
  VT_CHECK(view_bp_empty(&bp));
  VT_CHECK(view_bp_toggle(&bp, VIEW_BP_TASK, t3));
  VT_EQ(view_bp_next_stop(async, 0, trace_count(async), &bp), first_step);

  view_play p;
  view_play_init(&p);
  p.run = 1;
  p.playing = true;
  bool stopped = false;
  for (int frame = 0; frame < 100000 && p.playing; frame++) {
    size_t at0 = p.at;
    view_play_advance(vs, &p, 1.0 / 60);
    if (view_bp_play(vs, &p, 1, at0, &bp)) stopped = true;
  }
  VT_CHECK(stopped);
  VT_CHECK(!p.playing);
  VT_EQ(p.at, first_step);
  VT_EQ(p.t, trace_get(async, first_step - 1)->t);
  /* Playing on goes past it to the next resume of Task-3 (after its sleep). */
  p.playing = true;
  size_t second = view_bp_next_stop(async, p.at, trace_count(async), &bp);
  VT_CHECK(second > first_step);
  for (int frame = 0; frame < 100000 && p.playing; frame++) {
    size_t at0 = p.at;
    view_play_advance(vs, &p, 1.0 / 60);
    view_bp_play(vs, &p, 1, at0, &bp);
  }
  VT_EQ(p.at, second);

  /* Click again: cleared; nothing stops. A future's resolution and a code line stop too. */
  VT_CHECK(!view_bp_toggle(&bp, VIEW_BP_TASK, t3));
  VT_EQ(view_bp_next_stop(async, 0, trace_count(async), &bp), 0);
  size_t fut_done = 0, line_rec = 0;
  for (size_t i = 0; i < trace_count(async); i++) {
    const ls_trace_rec *e = trace_get(async, i);
    if (!fut_done && e->kind == LS_EV_FUT_DONE) fut_done = i + 1;
    if (!line_rec && (e->kind == LS_EV_SUSPEND || e->kind == LS_EV_STEP) && e->line > 0)
      line_rec = i + 1;
  }
  VT_CHECK(fut_done && line_rec);
  view_bp_toggle(&bp, VIEW_BP_FUTURE, trace_get(async, fut_done - 1)->obj);
  VT_EQ(view_bp_next_stop(async, 0, trace_count(async), &bp), fut_done);
  view_bp_clear(&bp);
  view_bp_toggle(&bp, VIEW_BP_LINE, trace_get(async, line_rec - 1)->line);
  VT_EQ(view_bp_next_stop(async, 0, trace_count(async), &bp), line_rec);
  view_state_free(vs);
  trace_free(sync);
  trace_free(async);
  return 0;
}

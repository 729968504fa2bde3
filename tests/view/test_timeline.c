/* test_timeline.c -- the timeline on the seed lesson's traces: model, layout, pixels, SVG. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draw_svg.h"
#include "view_theme.h"
#include "vt.h"

#define W 1600
#define H 900
/* Pixels that must differ from the background for a label to count as drawn. */
#define MIN_LABEL_INK 20

typedef struct fixture {
  ls_trace *sync, *async;
  view_timeline *tl;
} fixture;

static int fixture_open(fixture *f) {
  f->sync = vt_trace_sync();
  f->async = vt_trace_async();
  f->tl = view_timeline_new();
  if (!f->sync || !f->async || !f->tl) return 1;
  if (view_timeline_add_run(f->tl, NULL, f->sync) != 0) return 1;
  if (view_timeline_add_run(f->tl, NULL, f->async) != 1) return 1;
  return 0;
}

static void fixture_close(fixture *f) {
  view_timeline_free(f->tl);
  trace_free(f->sync);
  trace_free(f->async);
}

static view_tl_opts opts(view_lang lang) {
  return (view_tl_opts){.title = lang == VIEW_LANG_KO ? "01 동기 vs 비동기 — 타임라인"
                                                      : "01 sync vs async — timeline",
                        .lang = lang};
}

#define S(x) LS_FROM_SEC(x)

int vt_model_sync_async(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  view_timeline *tl = f.tl;
  VT_EQ(view_timeline_run_count(tl), 2);
  VT_CHECK(strcmp(view_timeline_run_name(tl, 0), "sync") == 0);
  VT_CHECK(strcmp(view_timeline_run_name(tl, 1), "async") == 0);
  VT_EQ(view_timeline_run_total(tl, 0), S(6));
  VT_EQ(view_timeline_run_total(tl, 1), S(3));
  VT_EQ(view_timeline_end(tl), S(6));
  /* sync: one task, running 0-6 s, held by time.sleep 0-2, 2-5, 5-6, printing at 2, 5, 6. */
  VT_EQ(view_timeline_task_count(tl, 0), 1);
  VT_CHECK(strcmp(view_timeline_task_name(tl, 0, 0), "main") == 0);
  size_t n;
  const view_span *sp = view_timeline_spans(tl, 0, 0, VIEW_SPAN_RUN, &n);
  VT_EQ(n, 1);
  VT_EQ(sp[0].t0, 0);
  VT_EQ(sp[0].t1, S(6));
  sp = view_timeline_spans(tl, 0, 0, VIEW_SPAN_BLOCK, &n);
  VT_EQ(n, 3);
  static const double blk[4] = {0, 2, 5, 6};
  for (int i = 0; i < 3; i++) {
    VT_EQ(sp[i].t0, S(blk[i]));
    VT_EQ(sp[i].t1, S(blk[i + 1]));
  }
  view_timeline_spans(tl, 0, 0, VIEW_SPAN_WAIT, &n);
  VT_EQ(n, 0);
  const view_mark *pr = view_timeline_prints(tl, 0, 0, &n);
  VT_EQ(n, 3);
  VT_EQ(pr[1].t, S(5));
  VT_CHECK(strcmp(trace_str(f.sync, pr[1].text), "toast ready") == 0);
  /* async: main gathers; Task-2/3/4 step at 0, sleep until 2, 3, 1 s, step and finish. */
  VT_EQ(view_timeline_task_count(tl, 1), 4);
  static const char *const names[4] = {"main", "Task-2", "Task-3", "Task-4"};
  static const double wake[4] = {3, 2, 3, 1};
  for (size_t i = 0; i < 4; i++) {
    VT_CHECK(strcmp(view_timeline_task_name(tl, 1, i), names[i]) == 0);
    const view_tl_task *k = view_timeline_task(tl, 1, i);
    VT_EQ(k->id, i + 1);
    VT_EQ(k->outcome, LS_OUT_RESULT);
    VT_EQ(k->ended, S(wake[i]));
    sp = view_timeline_spans(tl, 1, i, VIEW_SPAN_RUN, &n);
    VT_EQ(n, 2);
    VT_EQ(sp[0].t0, 0);
    VT_EQ(sp[0].t1, 0);
    VT_EQ(sp[1].t0, S(wake[i]));
    sp = view_timeline_spans(tl, 1, i, VIEW_SPAN_WAIT, &n);
    VT_EQ(n, 1);
    VT_EQ(sp[0].t0, 0);
    VT_EQ(sp[0].t1, S(wake[i]));
    VT_EQ(sp[0].sub, i == 0 ? LS_WAIT_GATHER : LS_WAIT_SLEEP);
    if (i > 0) VT_EQ(sp[0].arg, S(wake[i]));
    view_timeline_spans(tl, 1, i, VIEW_SPAN_BLOCK, &n);
    VT_EQ(n, 0);
  }
  VT_EQ(view_timeline_task(tl, 1, 0)->line, 10);
  VT_CHECK(view_timeline_task(tl, 1, 4) == NULL);
  VT_CHECK(view_timeline_task(tl, 2, 0) == NULL);
  fixture_close(&f);
  return 0;
}

/* Copies record i of src into dst, re-interning its string so ids stay valid. */
static void copy_rec(ls_trace *dst, const ls_trace *src, size_t i) {
  ls_trace_rec r = *trace_get(src, i);
  if (r.kind == LS_EV_LOOP_START || r.kind == LS_EV_TASK_NEW || r.kind == LS_EV_PRINT) {
    const char *s = trace_str(src, r.arg);
    r.arg = trace_intern(dst, s, strlen(s));
  }
  trace_add(dst, &r);
}

int vt_model_incremental(void) {
  ls_trace *full = vt_trace_async(), *live = trace_new();
  view_timeline *whole = view_timeline_new(), *grown = view_timeline_new();
  VT_EQ(view_timeline_add_run(whole, "async", full), 0);
  VT_EQ(view_timeline_add_run(grown, "async", live), 0);
  bool saw_open = false;
  for (size_t i = 0; i < trace_count(full); i++) {
    copy_rec(live, full, i);
    VT_EQ(view_timeline_update(grown), 0);
    /* Before Task-4 wakes at 1 s, its sleep is an open span. */
    size_t n;
    const view_span *w = view_timeline_spans(grown, 0, 3, VIEW_SPAN_WAIT, &n);
    if (n == 1 && w[0].t1 < 0) saw_open = true;
    VT_EQ(view_timeline_run_total(grown, 0),
          trace_get(full, i)->kind == LS_EV_LOOP_END ? S(3) : -1);
  }
  VT_CHECK(saw_open);
  VT_EQ(view_timeline_task_count(grown, 0), view_timeline_task_count(whole, 0));
  for (size_t i = 0; i < view_timeline_task_count(whole, 0); i++) {
    for (int k = 0; k < VIEW_SPAN__COUNT; k++) {
      size_t na, nb;
      const view_span *a = view_timeline_spans(whole, 0, i, (view_span_kind)k, &na);
      const view_span *b = view_timeline_spans(grown, 0, i, (view_span_kind)k, &nb);
      VT_EQ(na, nb);
      for (size_t j = 0; j < na; j++) {
        VT_EQ(a[j].t0, b[j].t0);
        VT_EQ(a[j].t1, b[j].t1);
        VT_EQ(a[j].arg, b[j].arg);
        VT_EQ(a[j].obj, b[j].obj);
        VT_EQ(a[j].sub, b[j].sub);
      }
    }
    VT_CHECK(strcmp(view_timeline_task_name(whole, 0, i),
                    view_timeline_task_name(grown, 0, i)) == 0);
  }
  view_timeline_free(whole);
  view_timeline_free(grown);
  trace_free(full);
  trace_free(live);
  return 0;
}

int vt_model_edge_cases(void) {
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, 0, 0);
  vt_rec(tr, 0, LS_EV_BLOCK, 0, 0, 0, 3, S(0.5)); /* a plain callback blocked the loop */
  vt_rec(tr, 0.5, LS_EV_PRINT, 0, 0, 0, 4, vt_str(tr, "from a callback"));
  vt_rec(tr, 0.5, LS_EV_STEP, 0, 7, 0, 9, 0);     /* a task never announced */
  vt_rec(tr, 0.5, LS_EV_BLOCK, 0, 0, 0, 9, S(1)); /* task 0 in a step: the running task */
  vt_rec(tr, 1, LS_EV_TASK_RENAME, 0, 7, 0, 0, vt_str(tr, "worker"));
  vt_rec(tr, 1, LS_EV_SUSPEND, LS_WAIT_FUTURE, 7, 42, 9, 0);
  vt_rec(tr, 1, LS_EV_TASK_NEW, 0, 8, 7, 9, vt_str(tr, "doomed"));
  vt_rec(tr, 1, LS_EV_STEP, 0, 8, 0, 9, 0);
  vt_rec(tr, 1, LS_EV_TASK_DONE, LS_OUT_ERROR, 8, 0, 9, vt_str(tr, "ValueError"));
  vt_rec(tr, 2, LS_EV_LOOP_END, 0, 0, 0, 0, 0); /* worker still waits: closed at the end */
  view_timeline *tl = view_timeline_new();
  VT_EQ(view_timeline_add_run(tl, NULL, tr), 0);
  VT_CHECK(strcmp(view_timeline_run_name(tl, 0), "") == 0);
  VT_EQ(view_timeline_task_count(tl, 0), 3);
  VT_EQ(view_timeline_task(tl, 0, 0)->id, 0);
  VT_CHECK(strcmp(view_timeline_task_name(tl, 0, 0), "(loop)") == 0);
  size_t n;
  const view_span *sp = view_timeline_spans(tl, 0, 0, VIEW_SPAN_BLOCK, &n);
  VT_EQ(n, 1);
  VT_EQ(sp[0].t1, S(0.5));
  view_timeline_prints(tl, 0, 0, &n);
  VT_EQ(n, 1);
  VT_EQ(view_timeline_task(tl, 0, 1)->id, 7);
  VT_CHECK(strcmp(view_timeline_task_name(tl, 0, 1), "worker") == 0);
  sp = view_timeline_spans(tl, 0, 1, VIEW_SPAN_BLOCK, &n);
  VT_EQ(n, 1);
  VT_EQ(sp[0].t0, S(0.5));
  sp = view_timeline_spans(tl, 0, 1, VIEW_SPAN_WAIT, &n);
  VT_EQ(n, 1);
  VT_EQ(sp[0].t1, S(2));
  VT_EQ(sp[0].obj, 42);
  VT_EQ(view_timeline_task(tl, 0, 2)->outcome, LS_OUT_ERROR);
  /* Runs past the limit are refused; reset empties. */
  for (int i = 1; i < VIEW_TL_MAX_RUNS; i++)
    VT_EQ(view_timeline_add_run(tl, "x", tr), i);
  VT_EQ(view_timeline_add_run(tl, "x", tr), LS_EINVAL);
  view_timeline_reset(tl);
  VT_EQ(view_timeline_run_count(tl), 0);
  /* An empty trace is a run with no tasks; it still lays out and draws. */
  ls_trace *empty = trace_new();
  VT_EQ(view_timeline_add_run(tl, "empty", empty), 0);
  VT_EQ(view_timeline_add_run(tl, "errors", tr), 1);
  draw_canvas *cv = draw_canvas_new(800, 450, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  view_tl_opts o = opts(VIEW_LANG_EN);
  view_tl_layout L;
  VT_EQ(view_timeline_draw(tl, &c, (draw_rect){0, 0, 800, 450}, &o, &L, NULL), 0);
  VT_EQ(L.run[0].shown, 0);
  VT_CHECK(L.run[0].rows.h > 0);
  VT_CHECK(L.nlegend >= 5); /* the error mark joins the legend */
  VT_EQ(L.legend_kind[4], VIEW_LEGEND_ERROR);
  draw_canvas_save_png(cv, "timeline_edge_cases.png");
  /* Too small to hold anything: an error, not a crash. */
  VT_EQ(view_timeline_draw(tl, &c, (draw_rect){0, 0, 40, 30}, &o, &L, NULL), LS_EINVAL);
  draw_canvas_free(cv);
  view_timeline_free(tl);
  trace_free(tr);
  trace_free(empty);
  return 0;
}

/* Every rectangle of a layout that must keep to itself. */
static size_t layout_rects(const view_tl_layout *L, draw_rect *out, const char **names) {
  size_t n = 0;
#define ADD(r, nm)                                                                             \
  do {                                                                                         \
    out[n] = (r);                                                                              \
    names[n++] = (nm);                                                                         \
  } while (0)
  ADD(L->title, "title");
  ADD(L->axis, "axis");
  for (size_t i = 0; i < L->nlegend; i++)
    ADD(L->legend_item[i], "legend item");
  for (size_t r = 0; r < L->nruns; r++) {
    ADD(L->run[r].header, "run header");
    ADD(L->run[r].labels, "run labels");
    ADD(L->run[r].rows, "run rows");
    ADD(L->run[r].more, "run more");
    ADD(L->run[r].total, "run total");
  }
#undef ADD
  return n;
}

static int check_layout(const view_tl_layout *L, const char *what) {
  draw_rect r[64];
  const char *nm[64];
  size_t n = layout_rects(L, r, nm);
  for (size_t i = 0; i < n; i++) {
    if (r[i].w <= 0 || r[i].h <= 0) continue;
    if (!draw_rect_inside(r[i], L->canvas)) {
      fprintf(stderr, "%s: %s (%g,%g %gx%g) leaves the canvas\n", what, nm[i], r[i].x, r[i].y,
              r[i].w, r[i].h);
      return 1;
    }
    for (size_t j = i + 1; j < n; j++)
      if (draw_rect_overlap(r[i], r[j])) {
        fprintf(stderr, "%s: %s (%g,%g %gx%g) overlaps %s (%g,%g %gx%g)\n", what, nm[i], r[i].x,
                r[i].y, r[i].w, r[i].h, nm[j], r[j].x, r[j].y, r[j].w, r[j].h);
        return 1;
      }
  }
  /* Rows sit inside their run's band, one under the other. */
  for (size_t ru = 0; ru < L->nruns; ru++)
    for (size_t k = 0; k < L->run[ru].shown; k++) {
      draw_rect row = view_tl_row(L, ru, k), lab = view_tl_row_label(L, ru, k);
      VT_CHECK(draw_rect_inside(draw_rect_inset(row, 1e-3f, 1e-3f), L->run[ru].rows));
      VT_CHECK(draw_rect_inside(draw_rect_inset(lab, 1e-3f, 1e-3f), L->run[ru].labels));
      if (k > 0) { /* stacked: each starts where the one above ends (to float rounding) */
        draw_rect up = view_tl_row(L, ru, k - 1);
        VT_CHECK(fabsf(up.y + up.h - row.y) < 1e-3f);
      }
    }
  VT_CHECK(L->title.w > 0 && L->title.h > 0);
  VT_CHECK(L->axis.w > 0 && L->axis.h > 0);
  VT_CHECK(L->nlegend >= 4);
  VT_CHECK(L->tick > 0);
  VT_CHECK(L->plot_w > L->canvas.w * 0.5f);
  for (size_t ru = 0; ru < L->nruns; ru++)
    VT_CHECK(L->run[ru].total.w > 0 && L->run[ru].total.h > 0);
  return 0;
}

int vt_layout_sizes(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  draw_canvas *cv = draw_canvas_new(8, 8, vt_fonts()); /* only measures */
  static const struct {
    float w, h, scale;
  } sizes[] = {{1280, 720, 1}, {1600, 900, 1}, {3840, 2160, 1}, {1280, 720, 3}, {800, 600, 2}};
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
    for (int lang = 0; lang < VIEW_LANG__COUNT; lang++) {
      draw_ctx c = draw_canvas_ctx(cv, sizes[i].scale, view_theme_light());
      view_tl_opts o = opts((view_lang)lang);
      view_tl_layout L;
      VT_EQ(view_timeline_layout(f.tl, &c, (draw_rect){0, 0, sizes[i].w, sizes[i].h}, &o, &L),
            0);
      char what[64];
      snprintf(what, sizeof what, "%gx%g@%g %s", sizes[i].w, sizes[i].h, sizes[i].scale,
               view_lang_code((view_lang)lang));
      if (check_layout(&L, what)) return 1;
      VT_EQ(L.run[0].shown, 1);
      VT_EQ(L.run[1].shown, 4);
      VT_EQ(L.from, 0);
      VT_EQ(L.to, S(6));
      /* The two totals are side by side with their runs, the sync one above. */
      VT_CHECK(L.run[0].total.y + L.run[0].total.h <= L.run[1].total.y);
      /* Text grows with the canvas: a 4K export is not a postage stamp. */
      if (sizes[i].w == 3840) VT_CHECK(L.text_px > 30);
      VT_CHECK(view_tl_x(&L, 0) == L.plot_x);
      /* x and time map back and forth within a hundredth of a pixel. */
      ls_time err = view_tl_time(&L, view_tl_x(&L, S(2.5))) - S(2.5);
      VT_CHECK(llabs(err) <= (L.to - L.from) / (ls_time)L.plot_w / 100);
    }
  draw_canvas_free(cv);
  fixture_close(&f);
  return 0;
}

int vt_layout_many_tasks(void) {
  ls_trace *tr = trace_new(), *small = vt_trace_async();
  for (int i = 1; i <= 500; i++) {
    char name[32];
    snprintf(name, sizeof name, "worker-%d with a long name", i);
    vt_rec(tr, 0, LS_EV_TASK_NEW, 0, (ls_id)i, 0, 1, vt_str(tr, name));
    vt_rec(tr, 0.001 * i, LS_EV_STEP, 0, (ls_id)i, 0, 1, 0);
    vt_rec(tr, 0.001 * i, LS_EV_TASK_DONE, LS_OUT_RESULT, (ls_id)i, 0, 1, 0);
  }
  vt_rec(tr, 0.5, LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  view_timeline *tl = view_timeline_new();
  VT_EQ(view_timeline_add_run(tl, "many", tr), 0);
  VT_EQ(view_timeline_add_run(tl, "few", small), 1);
  draw_canvas *cv = draw_canvas_new(1280, 720, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  view_tl_opts o = opts(VIEW_LANG_EN);
  view_tl_layout L;
  VT_EQ(view_timeline_draw(tl, &c, (draw_rect){0, 0, 1280, 720}, &o, &L, NULL), 0);
  if (check_layout(&L, "500 + 4 tasks")) return 1;
  VT_EQ(L.run[0].shown + L.run[0].hidden, 500);
  VT_CHECK(L.run[0].hidden > 0);
  VT_CHECK(L.run[0].more.h > 0);
  VT_EQ(L.run[1].shown, 4);
  VT_CHECK(L.run[0].row_h >= 3);
  VT_CHECK(L.run[1].row_h >= 12); /* the small run stays legible */
  draw_canvas_save_png(cv, "timeline_many_tasks.png");
  /* Scrolled: the first rows shown are further down. */
  o.first_task = 100;
  VT_EQ(view_timeline_layout(tl, &c, (draw_rect){0, 0, 1280, 720}, &o, &L), 0);
  VT_EQ(L.run[0].first, 100);
  VT_EQ(L.run[0].shown + L.run[0].hidden, 400);
  VT_EQ(L.run[1].first, 3); /* clamped to its last task */
  draw_canvas_free(cv);
  view_timeline_free(tl);
  trace_free(tr);
  trace_free(small);
  return 0;
}

int vt_layout_svg_equals_sdl(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  draw_canvas *cv = draw_canvas_new(8, 8, vt_fonts());
  draw_svg *svg = draw_svg_new(vt_fonts(), W, H);
  for (int lang = 0; lang < VIEW_LANG__COUNT; lang++) {
    draw_ctx a = draw_canvas_ctx(cv, 1, view_theme_light());
    draw_ctx b = draw_svg_ctx(svg, 1, view_theme_light());
    view_tl_opts o = opts((view_lang)lang);
    view_tl_layout la, lb;
    VT_EQ(view_timeline_layout(f.tl, &a, (draw_rect){0, 0, W, H}, &o, &la), 0);
    VT_EQ(view_timeline_layout(f.tl, &b, (draw_rect){0, 0, W, H}, &o, &lb), 0);
    VT_CHECK(memcmp(&la, &lb, sizeof la) == 0);
  }
  draw_svg_free(svg);
  draw_canvas_free(cv);
  fixture_close(&f);
  return 0;
}

/* The bar of shown row k of run r, in pixels (scale 1). */
static draw_rect bar_of(const view_tl_layout *L, size_t r, size_t k) {
  draw_rect row = view_tl_row(L, r, k);
  return (draw_rect){row.x, row.y + (row.h - L->run[r].bar_h) / 2, row.w, L->run[r].bar_h};
}

/* A point inside the bar's top band, clear of any label text in it. */
static int probe_y(draw_rect bar) {
  return (int)bar.y + 2;
}

static int px_x(const view_tl_layout *L, double sec) {
  return (int)view_tl_x(L, S(sec));
}

/* A pixel inside a zero-length step drawn at sec (MIN_RUN_W wide from its snapped x), clear
   of the one-pixel tick line that may run at its left edge. */
static int step_x(const view_tl_layout *L, double sec) {
  return (int)floorf(view_tl_x(L, S(sec)) + 0.5f) + 1;
}

int vt_timeline_pixels(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  const view_theme *th = view_theme_light();
  draw_canvas *cv = draw_canvas_new(W, H, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, th);
  view_tl_opts o = opts(VIEW_LANG_EN);
  view_tl_layout L;
  view_tl_stats st;
  VT_EQ(view_timeline_draw(f.tl, &c, (draw_rect){0, 0, W, H}, &o, &L, &st), 0);
  VT_EQ(draw_canvas_save_png(cv, "timeline_compare_en_light.png"), 0);
  SDL_Surface *s = draw_canvas_surface(cv);
  VT_EQ(s->w, W);
  VT_EQ(s->h, H);

  /* The sync row is blocked all the way from 0 to 6 s. */
  draw_rect sb = bar_of(&L, 0, 0);
  static const double in_block[] = {0.05, 0.3, 1, 1.7, 2.3, 3, 4, 4.7, 5.3, 5.9};
  for (size_t i = 0; i < sizeof in_block / sizeof in_block[0]; i++)
    VT_COLOR(draw_canvas_pixel(cv, px_x(&L, in_block[i]), probe_y(sb)), th->blocked,
             VT_FILL_TOL);
  VT_COLOR(draw_canvas_pixel(cv, px_x(&L, 3), (int)(sb.y + sb.h - 2)), th->blocked,
           VT_FILL_TOL);
  /* ...and the blocked colour is nowhere in the async run. */
  VT_EQ(vt_ink(cv, L.run[1].rows, th->blocked, VT_FILL_TOL), vt_area(L.run[1].rows));

  /* Each async task ran (its own colour) at 0 and at its wake-up, and waited in between. */
  static const double wake[4] = {3, 2, 3, 1};
  for (size_t k = 0; k < 4; k++) {
    draw_rect b = bar_of(&L, 1, k);
    ls_id id = (ls_id)(k + 1);
    draw_color tc = view_theme_task(th, id), wc = view_theme_task_waiting(th, id);
    int x0 = step_x(&L, 0), xw = step_x(&L, wake[k]), xm = px_x(&L, wake[k] / 2);
    if (k != 0) VT_COLOR(draw_canvas_pixel(cv, x0, probe_y(b)), tc, VT_FILL_TOL);
    if (k != 0) VT_COLOR(draw_canvas_pixel(cv, xw, probe_y(b)), tc, VT_FILL_TOL);
    VT_COLOR(draw_canvas_pixel(cv, xm, probe_y(b)), wc, VT_FILL_TOL);
    /* After it finished, and where no tick line runs, only the panel shows. */
    double after = wake[k] + LS_TO_SEC(L.tick) / 2;
    VT_COLOR(draw_canvas_pixel(cv, px_x(&L, after), (int)(b.y + b.h / 2)), th->panel,
             VT_FILL_TOL);
  }
  /* main's first step is at 0 too (zero-length on the clock, drawn MIN_RUN_W wide). */
  VT_COLOR(draw_canvas_pixel(cv, step_x(&L, 0), probe_y(bar_of(&L, 1, 0))),
           view_theme_task(th, 1), VT_FILL_TOL);
  /* The canvas margin is background. */
  VT_COLOR(draw_canvas_pixel(cv, 2, 2), th->bg, 0);
  VT_COLOR(draw_canvas_pixel(cv, W - 3, H - 3), th->bg, 0);

  /* Totals: two labels, apart, with ink in them; title and legend drawn. */
  VT_CHECK(!draw_rect_overlap(L.run[0].total, L.run[1].total));
  for (int r = 0; r < 2; r++)
    VT_CHECK(vt_ink(cv, L.run[r].total, th->bg, 40) > MIN_LABEL_INK);
  VT_CHECK(vt_ink(cv, L.title, th->bg, 40) > MIN_LABEL_INK);
  for (size_t i = 0; i < L.nlegend; i++)
    VT_CHECK(vt_ink(cv, L.legend_item[i], th->bg, 40) > MIN_LABEL_INK);
  VT_EQ(L.legend_kind[2], VIEW_LEGEND_BLOCKED);
  draw_rect sw = L.legend_item[2];
  VT_COLOR(draw_canvas_pixel(cv, (int)sw.x + 3, (int)(sw.y + sw.h / 2)), th->blocked,
           VT_FILL_TOL);

  /* One rect per segment: sync 1 run + 3 blocks; async 4 tasks x (2 steps + 1 wait). */
  VT_EQ(st.segments[VIEW_SPAN_RUN], 9);
  VT_EQ(st.segments[VIEW_SPAN_WAIT], 4);
  VT_EQ(st.segments[VIEW_SPAN_BLOCK], 3);
  VT_EQ(st.marks, 6);
  VT_EQ(st.culled, 0);
  draw_canvas_free(cv);
  fixture_close(&f);
  return 0;
}

int vt_timeline_playhead_cut(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  const view_theme *th = view_theme_light();
  draw_canvas *cv = draw_canvas_new(W, H, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, th);
  view_tl_opts o = opts(VIEW_LANG_EN);
  o.has_playhead = true;
  o.playhead = S(1.5);
  view_tl_layout L;
  VT_EQ(view_timeline_draw(f.tl, &c, (draw_rect){0, 0, W, H}, &o, &L, NULL), 0);
  int xp = (int)(view_tl_x(&L, S(1.5)) + 0.5f);
  for (size_t k = 0; k < 4; k++)
    VT_COLOR(draw_canvas_pixel(cv, xp, (int)(view_tl_row(&L, 1, k).y + 3)), th->playhead, 0);
  VT_COLOR(draw_canvas_pixel(cv, xp, probe_y(bar_of(&L, 0, 0))), th->playhead, 0);
  /* The column next to it is untouched. */
  VT_COLOR(draw_canvas_pixel(cv, xp + 4, probe_y(bar_of(&L, 0, 0))), th->blocked, VT_FILL_TOL);

  /* Cut at the playhead: only what had happened by 1.5 s. */
  o.cut = true;
  view_tl_stats st;
  VT_EQ(view_timeline_draw(f.tl, &c, (draw_rect){0, 0, W, H}, &o, &L, &st), 0);
  draw_canvas_save_png(cv, "timeline_cut_1.5s.png");
  draw_rect sb = bar_of(&L, 0, 0), t2 = bar_of(&L, 1, 1);
  VT_COLOR(draw_canvas_pixel(cv, px_x(&L, 1), probe_y(sb)), th->blocked, VT_FILL_TOL);
  VT_COLOR(draw_canvas_pixel(cv, px_x(&L, 3.25), probe_y(sb)), th->panel, VT_FILL_TOL);
  VT_COLOR(draw_canvas_pixel(cv, px_x(&L, 1), probe_y(t2)), view_theme_task_waiting(th, 2),
           VT_FILL_TOL);
  VT_COLOR(draw_canvas_pixel(cv, step_x(&L, 2), probe_y(t2)), th->panel, VT_FILL_TOL);
  VT_CHECK(st.culled > 0);
  VT_EQ(st.marks, 1); /* Task-4 printed at 1 s; nobody else had yet */
  draw_canvas_free(cv);
  fixture_close(&f);
  return 0;
}

int vt_timeline_korean_dark(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  const view_theme *th = view_theme_dark();
  draw_canvas *cv = draw_canvas_new(W, H, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, th);
  view_tl_opts o = opts(VIEW_LANG_KO);
  view_tl_layout L;
  VT_EQ(view_timeline_draw(f.tl, &c, (draw_rect){0, 0, W, H}, &o, &L, NULL), 0);
  VT_EQ(draw_canvas_save_png(cv, "timeline_compare_ko_dark.png"), 0);
  VT_COLOR(draw_canvas_pixel(cv, 2, 2), th->bg, 0);
  VT_COLOR(draw_canvas_pixel(cv, px_x(&L, 4), probe_y(bar_of(&L, 0, 0))), th->blocked,
           VT_FILL_TOL);
  for (size_t i = 0; i < L.nlegend; i++)
    VT_CHECK(vt_ink(cv, L.legend_item[i], th->bg, 40) > MIN_LABEL_INK);
  /* The same picture at twice the pixels (--scale 2) lays out the same in layout units. */
  draw_canvas *big = draw_canvas_new(2 * W, 2 * H, vt_fonts());
  draw_ctx c2 = draw_canvas_ctx(big, 2, th);
  view_tl_layout L2;
  VT_EQ(view_timeline_draw(f.tl, &c2, (draw_rect){0, 0, W, H}, &o, &L2, NULL), 0);
  VT_COLOR(draw_canvas_pixel(big, 2 * px_x(&L2, 4), 2 * probe_y(bar_of(&L2, 0, 0))),
           th->blocked, VT_FILL_TOL);
  VT_EQ(draw_canvas_save_png(big, "timeline_compare_ko_dark@2x.png"), 0);
  draw_canvas_free(big);
  draw_canvas_free(cv);
  fixture_close(&f);
  return 0;
}

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

/* How many times needle occurs inside an element named elem. */
static int count_in(const char *doc, const char *elem, const char *needle) {
  int n = 0;
  size_t el = strlen(elem);
  for (const char *p = strstr(doc, needle); p; p = strstr(p + 1, needle)) {
    const char *lt = p;
    while (lt > doc && *lt != '<')
      lt--;
    if (strncmp(lt + 1, elem, el) == 0 && lt[1 + el] == ' ') n++;
  }
  return n;
}

int vt_timeline_svg(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  draw_svg *svg = draw_svg_new(vt_fonts(), W, H);
  draw_ctx c = draw_svg_ctx(svg, 1, view_theme_light());
  view_tl_opts o = opts(VIEW_LANG_EN);
  view_tl_stats st;
  VT_EQ(view_timeline_draw(f.tl, &c, (draw_rect){0, 0, W, H}, &o, NULL, &st), 0);
  size_t len;
  const char *doc = draw_svg_finish(svg, &len);
  VT_CHECK(doc);
  FILE *fp = fopen("timeline_compare.svg", "wb");
  VT_CHECK(fp);
  fwrite(doc, 1, len, fp);
  fclose(fp);
  /* One element per visible segment, each carrying its times. */
  int segs = (int)(st.segments[0] + st.segments[1] + st.segments[2]);
  VT_EQ(segs, 16);
  VT_EQ(count(doc, "class=\"seg "), segs);
  VT_EQ(count_in(doc, "rect", "class=\"seg "), segs);
  VT_EQ(count(doc, "class=\"seg run\""), 9);
  VT_EQ(count(doc, "class=\"seg wait\""), 4);
  VT_EQ(count(doc, "class=\"seg block\""), 3);
  VT_CHECK(strstr(doc, "class=\"seg block\" data-t0=\"0\" data-t1=\"2\""));
  VT_CHECK(strstr(doc, "class=\"seg block\" data-t0=\"2\" data-t1=\"5\""));
  VT_CHECK(strstr(doc, "class=\"seg block\" data-t0=\"5\" data-t1=\"6\""));
  VT_CHECK(strstr(doc, "class=\"seg wait\" data-t0=\"0\" data-t1=\"2\""));
  VT_CHECK(strstr(doc, "<title>Task-2: sleep until 2 s, 0.000\xE2\x80\x93"
                       "2.000 s</title>"));
  VT_EQ(count(doc, "class=\"mark print\""), (int)st.marks);
  /* Text stays text. */
  VT_CHECK(strstr(doc, ">6.00 s</text>"));
  VT_CHECK(strstr(doc, ">3.00 s</text>"));
  VT_CHECK(strstr(doc, ">blocked by time.sleep</text>"));
  VT_CHECK(strstr(doc, ">Task-3</text>"));
  VT_CHECK(strstr(doc, "font-family=\"NanumGothic"));
  draw_svg_free(svg);
  fixture_close(&f);
  return 0;
}

int vt_timeline_hit(void) {
  fixture f;
  VT_CHECK(fixture_open(&f) == 0);
  draw_canvas *cv = draw_canvas_new(8, 8, vt_fonts());
  draw_ctx c = draw_canvas_ctx(cv, 1, view_theme_light());
  view_tl_opts o = opts(VIEW_LANG_EN);
  view_tl_layout L;
  VT_EQ(view_timeline_layout(f.tl, &c, (draw_rect){0, 0, W, H}, &o, &L), 0);
  view_tl_hit h;
  char buf[256];
  draw_rect sb = bar_of(&L, 0, 0), t2 = bar_of(&L, 1, 1);
  VT_CHECK(view_timeline_hit(f.tl, &L, view_tl_x(&L, S(3)), sb.y + 3, &h));
  VT_EQ(h.what, VIEW_HIT_SPAN);
  VT_EQ(h.kind, VIEW_SPAN_BLOCK);
  VT_EQ(h.span.t0, S(2));
  VT_EQ(h.span.t1, S(5));
  VT_CHECK(view_timeline_hit(f.tl, &L, view_tl_x(&L, S(1)), t2.y + 3, &h));
  VT_EQ(h.what, VIEW_HIT_SPAN);
  VT_EQ(h.run, 1);
  VT_EQ(h.task, 1);
  VT_EQ(h.kind, VIEW_SPAN_WAIT);
  view_timeline_describe(f.tl, &h, VIEW_LANG_EN, buf, sizeof buf);
  VT_CHECK(strcmp(buf, "Task-2: sleep until 2 s, 0.000\xE2\x80\x93"
                       "2.000 s") == 0);
  view_timeline_describe(f.tl, &h, VIEW_LANG_KO, buf, sizeof buf);
  VT_CHECK(strcmp(buf, "Task-2: 2 s까지 sleep, 0.000\xE2\x80\x93"
                       "2.000 s") == 0);
  VT_CHECK(view_timeline_hit(f.tl, &L, view_tl_x(&L, S(2)) + 1, t2.y + 3, &h));
  VT_EQ(h.what, VIEW_HIT_SPAN);
  VT_EQ(h.kind, VIEW_SPAN_RUN);
  VT_EQ(h.span.t0, S(2));
  /* Task-4 printed when it woke at 1 s. */
  VT_CHECK(
      view_timeline_hit(f.tl, &L, view_tl_x(&L, S(1)) + 1, view_tl_row(&L, 1, 3).y + 2, &h));
  VT_EQ(h.what, VIEW_HIT_PRINT);
  VT_EQ(h.mark.t, S(1));
  view_timeline_describe(f.tl, &h, VIEW_LANG_EN, buf, sizeof buf);
  VT_CHECK(strstr(buf, "Task-4: print") && strstr(buf, "done"));
  /* On a name: the row; beside the rows: nothing. */
  VT_CHECK(view_timeline_hit(f.tl, &L, L.run[1].labels.x + 2, t2.y + 3, &h));
  VT_EQ(h.what, VIEW_HIT_ROW);
  VT_EQ(h.task, 1);
  VT_CHECK(!view_timeline_hit(f.tl, &L, 2, 2, &h));
  VT_CHECK(!view_timeline_hit(f.tl, &L, L.run[0].total.x + 2, sb.y + 3, &h));
  draw_canvas_free(cv);
  fixture_close(&f);
  return 0;
}

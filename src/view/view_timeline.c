/* view_timeline.c -- spans from traces, layout, and drawing with sub-pixel culling/merging. */
#include "view_timeline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view_theme.h"

#define NONE ((size_t)-1)

/* ---- The model ----------------------------------------------------------------------------
 */

typedef struct span_vec {
  view_span *p;
  size_t n, cap;
} span_vec;

typedef struct tl_task {
  view_tl_task pub;
  char fallback[24]; /* the name shown when the trace gave none */
  span_vec sp[VIEW_SPAN__COUNT];
  view_mark *pr;
  size_t npr, cappr;
  size_t open_run, open_wait; /* indexes into sp[], NONE when closed */
} tl_task;

typedef struct tl_run {
  const ls_trace *tr;
  char *name; /* NULL: the LOOP_START name */
  int64_t start_name;
  size_t cursor; /* records read so far */
  ls_time total, now;
  tl_task *tasks;
  size_t ntasks, cap;
  /* task id -> index: open addressing, keys stored as id + 1 so 0 means empty */
  uint64_t *keys;
  uint32_t *vals;
  size_t mapcap, mapn;
  ls_id current; /* the task whose step is open */
  bool stepping;
} tl_run;

struct view_timeline {
  tl_run runs[VIEW_TL_MAX_RUNS];
  size_t nruns;
};

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return LS_OK;
  size_t c = *cap ? *cap : 8;
  while (c < need)
    c *= 2;
  void *q = realloc(*p, c * elem);
  if (!q) return LS_ENOMEM;
  *p = q;
  *cap = c;
  return LS_OK;
}

static size_t map_slot(const tl_run *r, ls_id id) {
  uint64_t h = ((uint64_t)id + 1) * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 17) & (r->mapcap - 1);
}

static size_t map_find(const tl_run *r, ls_id id) {
  if (!r->mapcap) return NONE;
  for (size_t i = map_slot(r, id);; i = (i + 1) & (r->mapcap - 1)) {
    if (r->keys[i] == 0) return NONE;
    if (r->keys[i] == (uint64_t)id + 1) return r->vals[i];
  }
}

static int map_put(tl_run *r, ls_id id, size_t v) {
  if ((r->mapn + 1) * 2 > r->mapcap) {
    size_t cap = r->mapcap ? r->mapcap * 2 : 64;
    uint64_t *k = calloc(cap, sizeof *k);
    uint32_t *vv = malloc(cap * sizeof *vv);
    if (!k || !vv) {
      free(k);
      free(vv);
      return LS_ENOMEM;
    }
    uint64_t *ok = r->keys;
    uint32_t *ov = r->vals;
    size_t ocap = r->mapcap;
    r->keys = k;
    r->vals = vv;
    r->mapcap = cap;
    for (size_t i = 0; i < ocap; i++) {
      if (!ok[i]) continue;
      size_t j = map_slot(r, (ls_id)(ok[i] - 1));
      while (r->keys[j])
        j = (j + 1) & (cap - 1);
      r->keys[j] = ok[i];
      r->vals[j] = ov[i];
    }
    free(ok);
    free(ov);
  }
  size_t j = map_slot(r, id);
  while (r->keys[j])
    j = (j + 1) & (r->mapcap - 1);
  r->keys[j] = (uint64_t)id + 1;
  r->vals[j] = (uint32_t)v;
  r->mapn++;
  return LS_OK;
}

/* The index of task id, created (born at t) when first seen; NONE when out of memory. */
static size_t task_get(tl_run *r, ls_id id, ls_time t) {
  size_t i = map_find(r, id);
  if (i != NONE) return i;
  if (grow((void **)&r->tasks, &r->cap, r->ntasks + 1, sizeof *r->tasks)) return NONE;
  if (map_put(r, id, r->ntasks)) return NONE;
  tl_task *k = &r->tasks[r->ntasks];
  memset(k, 0, sizeof *k);
  k->pub.id = id;
  k->pub.born = t;
  k->pub.ended = -1;
  k->open_run = k->open_wait = NONE;
  if (id)
    snprintf(k->fallback, sizeof k->fallback, "#%u", (unsigned)id);
  else
    snprintf(k->fallback, sizeof k->fallback, "%s", view_str(VIEW_LANG_EN, VIEW_S_LOOP));
  return r->ntasks++;
}

static size_t span_add(tl_task *k, view_span_kind kind, view_span s) {
  span_vec *v = &k->sp[kind];
  if (grow((void **)&v->p, &v->cap, v->n + 1, sizeof *v->p)) return NONE;
  v->p[v->n] = s;
  return v->n++;
}

static void span_close(tl_task *k, view_span_kind kind, size_t *open, ls_time t) {
  if (*open == NONE) return;
  view_span *s = &k->sp[kind].p[*open];
  s->t1 = t < s->t0 ? s->t0 : t;
  *open = NONE;
}

/* Reads one record into the run; LS_ENOMEM leaves the run where it was for a retry. */
static int run_read(tl_run *r, const ls_trace_rec *e) {
  if (e->t > r->now) r->now = e->t;
  size_t i;
  tl_task *k;
  switch (e->kind) {
  case LS_EV_LOOP_START:
    r->start_name = e->arg;
    return LS_OK;
  case LS_EV_LOOP_END:
    r->total = e->t;
    /* Whatever is still open ends with the loop (a task left waiting forever). */
    for (size_t j = 0; j < r->ntasks; j++) {
      span_close(&r->tasks[j], VIEW_SPAN_RUN, &r->tasks[j].open_run, e->t);
      span_close(&r->tasks[j], VIEW_SPAN_WAIT, &r->tasks[j].open_wait, e->t);
    }
    r->stepping = false;
    return LS_OK;
  case LS_EV_TASK_NEW:
    if ((i = task_get(r, e->task, e->t)) == NONE) return LS_ENOMEM;
    r->tasks[i].pub.line = e->line;
    r->tasks[i].pub.name = e->arg;
    r->tasks[i].pub.born = e->t;
    return LS_OK;
  case LS_EV_TASK_RENAME:
    if ((i = task_get(r, e->task, e->t)) == NONE) return LS_ENOMEM;
    r->tasks[i].pub.name = e->arg;
    return LS_OK;
  case LS_EV_STEP:
    if ((i = task_get(r, e->task, e->t)) == NONE) return LS_ENOMEM;
    k = &r->tasks[i];
    if (k->open_run == NONE) {
      size_t s = span_add(k, VIEW_SPAN_RUN, (view_span){e->t, -1, 0, 0, e->sub});
      if (s == NONE) return LS_ENOMEM;
      k->open_run = s;
    }
    span_close(k, VIEW_SPAN_WAIT, &k->open_wait, e->t);
    r->current = e->task;
    r->stepping = true;
    return LS_OK;
  case LS_EV_SUSPEND:
    if ((i = task_get(r, e->task, e->t)) == NONE) return LS_ENOMEM;
    k = &r->tasks[i];
    if (k->open_wait == NONE) {
      size_t s = span_add(k, VIEW_SPAN_WAIT, (view_span){e->t, -1, e->arg, e->obj, e->sub});
      if (s == NONE) return LS_ENOMEM;
      k->open_wait = s;
    }
    span_close(k, VIEW_SPAN_RUN, &k->open_run, e->t);
    r->stepping = false;
    return LS_OK;
  case LS_EV_TASK_DONE:
    if ((i = task_get(r, e->task, e->t)) == NONE) return LS_ENOMEM;
    k = &r->tasks[i];
    span_close(k, VIEW_SPAN_RUN, &k->open_run, e->t);
    span_close(k, VIEW_SPAN_WAIT, &k->open_wait, e->t);
    k->pub.outcome = e->sub;
    k->pub.ended = e->t;
    r->stepping = false;
    return LS_OK;
  case LS_EV_BLOCK: {
    /* Held by whoever was running; a blocking plain callback lands on the loop's own row. */
    ls_id who = e->task ? e->task : (r->stepping ? r->current : 0);
    if ((i = task_get(r, who, e->t)) == NONE) return LS_ENOMEM;
    ls_time end = e->arg > e->t ? e->arg : e->t;
    if (span_add(&r->tasks[i], VIEW_SPAN_BLOCK, (view_span){e->t, end, 0, 0, 0}) == NONE)
      return LS_ENOMEM;
    if (end > r->now) r->now = end;
    return LS_OK;
  }
  case LS_EV_PRINT: {
    ls_id who = e->task ? e->task : (r->stepping ? r->current : 0);
    if ((i = task_get(r, who, e->t)) == NONE) return LS_ENOMEM;
    k = &r->tasks[i];
    if (grow((void **)&k->pr, &k->cappr, k->npr + 1, sizeof *k->pr)) return LS_ENOMEM;
    k->pr[k->npr++] = (view_mark){e->t, e->arg};
    return LS_OK;
  }
  default:
    return LS_OK;
  }
}

static int run_update(tl_run *r) {
  size_t n = trace_count(r->tr);
  for (; r->cursor < n; r->cursor++) {
    int rc = run_read(r, trace_get(r->tr, r->cursor));
    if (rc) return rc;
  }
  return LS_OK;
}

static void run_clear(tl_run *r) {
  for (size_t i = 0; i < r->ntasks; i++) {
    for (int k = 0; k < VIEW_SPAN__COUNT; k++)
      free(r->tasks[i].sp[k].p);
    free(r->tasks[i].pr);
  }
  free(r->tasks);
  free(r->keys);
  free(r->vals);
  free(r->name);
  memset(r, 0, sizeof *r);
}

view_timeline *view_timeline_new(void) {
  return calloc(1, sizeof(view_timeline));
}

void view_timeline_reset(view_timeline *tl) {
  for (size_t i = 0; i < tl->nruns; i++)
    run_clear(&tl->runs[i]);
  tl->nruns = 0;
}

void view_timeline_free(view_timeline *tl) {
  if (!tl) return;
  view_timeline_reset(tl);
  free(tl);
}

int view_timeline_add_run(view_timeline *tl, const char *name, const ls_trace *tr) {
  if (tl->nruns == VIEW_TL_MAX_RUNS || !tr) return LS_EINVAL;
  tl_run *r = &tl->runs[tl->nruns];
  memset(r, 0, sizeof *r);
  r->tr = tr;
  r->total = -1;
  if (name && !(r->name = strdup(name))) return LS_ENOMEM;
  tl->nruns++;
  int rc = run_update(r);
  if (rc) {
    run_clear(r);
    tl->nruns--;
    return rc;
  }
  return (int)tl->nruns - 1;
}

int view_timeline_update(view_timeline *tl) {
  for (size_t i = 0; i < tl->nruns; i++) {
    int rc = run_update(&tl->runs[i]);
    if (rc) return rc;
  }
  return LS_OK;
}

size_t view_timeline_run_count(const view_timeline *tl) {
  return tl->nruns;
}

const char *view_timeline_run_name(const view_timeline *tl, size_t run) {
  if (run >= tl->nruns) return "";
  const tl_run *r = &tl->runs[run];
  return r->name ? r->name : trace_str(r->tr, r->start_name);
}

ls_time view_timeline_run_total(const view_timeline *tl, size_t run) {
  return run < tl->nruns ? tl->runs[run].total : -1;
}

ls_time view_timeline_run_now(const view_timeline *tl, size_t run) {
  return run < tl->nruns ? tl->runs[run].now : 0;
}

ls_time view_timeline_end(const view_timeline *tl) {
  ls_time end = 0;
  for (size_t i = 0; i < tl->nruns; i++) {
    const tl_run *r = &tl->runs[i];
    ls_time t = r->total >= 0 ? r->total : r->now;
    if (t > end) end = t;
  }
  return end;
}

size_t view_timeline_task_count(const view_timeline *tl, size_t run) {
  return run < tl->nruns ? tl->runs[run].ntasks : 0;
}

static const tl_task *task_at(const view_timeline *tl, size_t run, size_t i) {
  if (run >= tl->nruns || i >= tl->runs[run].ntasks) return NULL;
  return &tl->runs[run].tasks[i];
}

const view_tl_task *view_timeline_task(const view_timeline *tl, size_t run, size_t i) {
  const tl_task *k = task_at(tl, run, i);
  return k ? &k->pub : NULL;
}

const char *view_timeline_task_name(const view_timeline *tl, size_t run, size_t i) {
  const tl_task *k = task_at(tl, run, i);
  if (!k) return "";
  const char *s = trace_str(tl->runs[run].tr, k->pub.name);
  return *s ? s : k->fallback;
}

const view_span *view_timeline_spans(const view_timeline *tl, size_t run, size_t i,
                                     view_span_kind kind, size_t *n) {
  const tl_task *k = task_at(tl, run, i);
  if (!k || (unsigned)kind >= VIEW_SPAN__COUNT) {
    *n = 0;
    return NULL;
  }
  *n = k->sp[kind].n;
  return k->sp[kind].p;
}

const view_mark *view_timeline_prints(const view_timeline *tl, size_t run, size_t i,
                                      size_t *n) {
  const tl_task *k = task_at(tl, run, i);
  *n = k ? k->npr : 0;
  return k ? k->pr : NULL;
}

/* ---- Text helpers -------------------------------------------------------------------------
 */

void view_fmt_time(char *buf, size_t cap, ls_time t, int decimals, bool trim) {
  if (cap == 0) return;
  int n = snprintf(buf, cap, "%.*f", decimals, LS_TO_SEC(t));
  if (n < 0 || (size_t)n >= cap) {
    buf[0] = '\0';
    return;
  }
  if (trim && strchr(buf, '.')) {
    while (n > 0 && buf[n - 1] == '0')
      buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.') buf[--n] = '\0';
  }
  if (strcmp(buf, "-0") == 0) snprintf(buf, cap, "0");
  size_t len = strlen(buf);
  snprintf(buf + len, cap - len, " s");
}

/* A tick label for time t, ticks step apart on an axis reaching to `end`: the unit follows
   the axis' size (seconds from 1 s up), the decimals follow the step, trailing zeros go. */
static void fmt_tick(char *buf, size_t cap, ls_time t, ls_time step, ls_time end) {
  static const struct {
    ls_time ns;
    const char *unit;
  } units[] = {{LS_SEC, "s"}, {1000000, "ms"}, {1000, "\xCE\xBCs"}, {1, "ns"}};
  size_t u = 0;
  while (u < 3 && end < units[u].ns)
    u++;
  double v = (double)t / (double)units[u].ns, st = (double)step / (double)units[u].ns;
  int dec = st >= 1 ? 0 : (int)-floor(log10(st) + 1e-9);
  if (dec > 9) dec = 9;
  int n = snprintf(buf, cap, "%.*f", dec, v);
  if (n > 0 && (size_t)n < cap && dec) {
    while (n > 0 && buf[n - 1] == '0')
      buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.') buf[--n] = '\0';
  }
  if (strcmp(buf, "-0") == 0) snprintf(buf, cap, "0");
  size_t len = strlen(buf);
  snprintf(buf + len, cap - len, " %s", units[u].unit);
}

/* A run's total: "6.00 s", or milliseconds for short runs. */
static void fmt_total(char *buf, size_t cap, ls_time t) {
  if (t >= LS_SEC / 10 || t == 0)
    view_fmt_time(buf, cap, t, 2, false);
  else
    snprintf(buf, cap, "%.2f ms", (double)t / 1e6);
}

/* Fills a %s label from the string table. */
static void fmt_label(char *buf, size_t cap, view_lang lang, view_str_id id, const char *arg) {
  const char *f = view_str(lang, id);
  const char *p = strstr(f, "%s");
  if (!p) {
    snprintf(buf, cap, "%s", f);
    return;
  }
  snprintf(buf, cap, "%.*s%s%s", (int)(p - f), f, arg, p + 2);
}

static const char *task_name_by_id(const tl_run *r, ls_id id, char *buf, size_t cap) {
  size_t i = map_find(r, id);
  if (i != NONE) {
    const char *s = trace_str(r->tr, r->tasks[i].pub.name);
    if (*s) return s;
  }
  snprintf(buf, cap, "#%u", (unsigned)id);
  return buf;
}

/* What a waiting span waits on, short enough to sit inside it. */
static void wait_label(const tl_run *r, const view_span *s, view_lang lang, char *buf,
                       size_t cap) {
  char a[64], b[64];
  switch (s->sub) {
  case LS_WAIT_SLEEP:
    view_fmt_time(a, sizeof a, s->arg, 3, true);
    fmt_label(buf, cap, lang, VIEW_S_SLEEP_UNTIL, a);
    break;
  case LS_WAIT_FUTURE:
    snprintf(b, sizeof b, "%u", (unsigned)s->obj);
    fmt_label(a, sizeof a, lang, VIEW_S_FUTURE, b);
    fmt_label(buf, cap, lang, VIEW_S_AWAIT, a);
    break;
  case LS_WAIT_TASK:
    fmt_label(buf, cap, lang, VIEW_S_AWAIT, task_name_by_id(r, s->obj, b, sizeof b));
    break;
  case LS_WAIT_GATHER:
    fmt_label(buf, cap, lang, VIEW_S_AWAIT, view_str(lang, VIEW_S_GATHER));
    break;
  default:
    snprintf(buf, cap, "%s", view_str(lang, VIEW_S_YIELD));
    break;
  }
}

static void block_label(const view_span *s, char *buf, size_t cap) {
  char a[32];
  view_fmt_time(a, sizeof a, s->t1 - s->t0, 3, true);
  snprintf(buf, cap, "time.sleep %s", a);
}

static const char *loop_or_name(const view_timeline *tl, size_t run, size_t i, view_lang lang) {
  const tl_task *k = task_at(tl, run, i);
  if (k && k->pub.id == 0 && k->pub.name == 0) return view_str(lang, VIEW_S_LOOP);
  return view_timeline_task_name(tl, run, i);
}

/* ---- Layout -------------------------------------------------------------------------------
 */

/* Proportions of the base text size T; every distance in the layout is one of these. */
#define K_PAD 1.0f        /* canvas margin */
#define K_TITLE 1.4f      /* title text */
#define K_ROW_MAX 3.2f    /* tallest row */
#define K_BAR 0.62f       /* bar height / row height */
#define K_RUN_GAP 1.0f    /* between stacked runs */
#define K_TOTAL 1.6f      /* the total's text */
#define K_LEGEND_GAP 1.4f /* between the axis and the legend under it */
#define K_SMALL 0.8f      /* "total", "+N more", tick labels */
#define K_TICK 0.45f      /* tick length */
#define ROW_MIN 3.0f      /* layout units: thinner rows are hidden behind "+N more" */
#define NAME_MIN_PX 7.0f  /* names are not drawn smaller than this */
#define LABEL_MIN_FRAC 0.07f
#define LABEL_MAX_FRAC 0.22f

static float line_h(const draw_ctx *c, draw_font f, float px) {
  return draw_measure(c, "", f, px).h;
}

static float base_text(draw_rect a, float text_px) {
  if (text_px > 0) return text_px;
  float t = fminf(a.h / 45.0f, a.w / 72.0f);
  return t < 11.0f ? 11.0f : t;
}

static bool run_has_outcome(const view_timeline *tl, uint8_t outcome) {
  for (size_t r = 0; r < tl->nruns; r++)
    for (size_t i = 0; i < tl->runs[r].ntasks; i++)
      if (tl->runs[r].tasks[i].pub.outcome == outcome) return true;
  return false;
}

static const char *legend_text(view_legend_kind k, view_lang lang) {
  static const view_str_id ids[VIEW_LEGEND__COUNT] = {VIEW_S_RUNNING, VIEW_S_WAITING,
                                                      VIEW_S_BLOCKED, VIEW_S_PRINT,
                                                      VIEW_S_ERROR,   VIEW_S_CANCELLED};
  return view_str(lang, ids[k]);
}

/* Legend geometry: swatch then text. */
static float legend_swatch_w(float T) {
  return T * 1.6f;
}

static ls_time pick_tick(const draw_ctx *c, float T, ls_time from, ls_time to, float plot_w) {
  double ns_per_unit = (double)(to - from) / plot_w;
  static const int mult[3] = {1, 2, 5};
  for (ls_time base = 1; base <= (ls_time)1e15; base *= 10) {
    for (int m = 0; m < 3; m++) {
      ls_time step = base * mult[m];
      float px = (float)((double)step / ns_per_unit);
      if (px < T * 3) continue;
      char a[48];
      fmt_tick(a, sizeof a, to - (to % step) - step, step, to);
      float w = draw_measure(c, a, DRAW_FONT_UI, T * K_SMALL).w;
      char b[48];
      fmt_tick(b, sizeof b, to - (to % step), step, to);
      float w2 = draw_measure(c, b, DRAW_FONT_UI, T * K_SMALL).w;
      if (px >= fmaxf(w, w2) + T * 1.5f) return step;
    }
  }
  return to - from;
}

/* Height of the runs' bands for a row height: rows, or the total's text when taller. */
static float bands_h(const size_t *shown, size_t n, float row_h, float min_band) {
  float h = 0;
  for (size_t r = 0; r < n; r++)
    h += fmaxf(row_h * (float)shown[r], min_band);
  return h;
}

/* The tallest row height in [ROW_MIN, max_row] whose bands fit in avail; -1 when none does. */
static float fit_rows(const size_t *shown, size_t n, float avail, float min_band,
                      float max_row) {
  if (bands_h(shown, n, max_row, min_band) <= avail) return max_row;
  if (bands_h(shown, n, ROW_MIN, min_band) > avail) return -1;
  float lo = ROW_MIN, hi = max_row;
  for (int i = 0; i < 40; i++) {
    float mid = (lo + hi) / 2;
    if (bands_h(shown, n, mid, min_band) <= avail)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

int view_timeline_layout(const view_timeline *tl, const draw_ctx *c, draw_rect area,
                         const view_tl_opts *o, view_tl_layout *L) {
  memset(L, 0, sizeof *L);
  float T = base_text(area, o->text_px);
  float pad = T * K_PAD;
  L->canvas = area;
  L->text_px = T;
  L->nruns = tl->nruns;
  L->from = o->from;
  L->to = o->to;
  if (L->to <= L->from) {
    L->from = 0;
    L->to = view_timeline_end(tl);
  }
  if (L->to <= L->from) L->to = L->from + LS_SEC;

  float x0 = area.x + pad, x1 = area.x + area.w - pad;
  float y0 = area.y + pad, y1 = area.y + area.h - pad;
  /* Title at the top. */
  L->title = (draw_rect){x0, y0, x1 - x0, line_h(c, DRAW_FONT_BOLD, T * K_TITLE)};
  float top = L->title.y + L->title.h + T * 0.8f;

  /* The legend goes under the axis; it takes one line. */
  float lh = line_h(c, DRAW_FONT_UI, T);
  float bottom = y1 - lh - T * K_LEGEND_GAP;

  /* The axis under the last run. */
  float axis_h = T * K_TICK + T * 0.25f + line_h(c, DRAW_FONT_UI, T * K_SMALL);

  /* Vertical: runs share the rows left over, one row per task, rows no taller than K_ROW_MAX;
     a run's band is never shorter than its total's text. */
  float head_h = line_h(c, DRAW_FONT_BOLD, T) * 1.15f;
  float more_h = line_h(c, DRAW_FONT_UI, T * K_SMALL) * 1.1f;
  float big_h = line_h(c, DRAW_FONT_BOLD, T * K_TOTAL);
  float small_h = line_h(c, DRAW_FONT_UI, T * K_SMALL);
  float fixed = 0;
  size_t want[VIEW_TL_MAX_RUNS] = {0}, shown[VIEW_TL_MAX_RUNS] = {0};
  for (size_t r = 0; r < tl->nruns; r++) {
    const tl_run *run = &tl->runs[r];
    size_t first =
        o->first_task < run->ntasks ? o->first_task : (run->ntasks ? run->ntasks - 1 : 0);
    L->run[r].first = first;
    want[r] = run->ntasks - first;
    if (want[r] == 0) want[r] = 1; /* an empty run still gets a row, to carry its total */
    shown[r] = want[r];
    if (*view_timeline_run_name(tl, r)) fixed += head_h;
    if (r > 0) fixed += T * K_RUN_GAP;
  }
  float avail = bottom - top - axis_h - fixed;
  float rh[VIEW_TL_MAX_RUNS]; /* each run's row height */
  float row_h = fit_rows(shown, tl->nruns, avail, big_h, T * K_ROW_MAX);
  for (size_t r = 0; r < tl->nruns; r++)
    rh[r] = row_h;
  if (row_h < 0) {
    /* Too many tasks. A run small enough keeps all its rows at a legible height (a compare
       lesson's short run stays readable); the big ones show what fits at ROW_MIN, sharing
       fairly, and say how many are hidden. Every run may need a "+N more" line and its
       total's height: reserve them. */
    float legible = line_h(c, DRAW_FONT_UI, T) * 1.2f;
    bool small[VIEW_TL_MAX_RUNS] = {false};
    float left_h = avail - more_h * (float)tl->nruns;
    size_t nbig = 0;
    for (size_t r = 0; r < tl->nruns; r++) {
      small[r] = (float)want[r] * legible <= avail * 0.25f;
      if (small[r])
        left_h -= fmaxf((float)want[r] * legible, big_h), rh[r] = legible;
      else
        nbig++;
    }
    if (nbig == 0) return LS_EINVAL;
    left_h -= big_h * (float)nbig;
    size_t cap = left_h > 0 ? (size_t)(left_h / ROW_MIN) : 0;
    if (cap < nbig) return LS_EINVAL;
    /* Water-filling: a big run needing less than an equal share gets all it needs. */
    bool done[VIEW_TL_MAX_RUNS];
    memcpy(done, small, sizeof done);
    size_t left = cap, nleft = nbig;
    for (bool changed = true; changed && nleft > 0;) {
      changed = false;
      for (size_t r = 0; r < tl->nruns; r++)
        if (!done[r] && want[r] <= left / nleft) {
          shown[r] = want[r];
          left -= want[r];
          nleft--;
          done[r] = changed = true;
        }
    }
    size_t big_shown[VIEW_TL_MAX_RUNS], nb = 0;
    for (size_t r = 0; r < tl->nruns; r++) {
      if (!done[r]) shown[r] = left / nleft;
      if (!small[r]) big_shown[nb++] = shown[r];
    }
    float h = fit_rows(big_shown, nb, left_h + big_h * (float)nbig, big_h, T * K_ROW_MAX);
    for (size_t r = 0; r < tl->nruns; r++)
      if (!small[r]) rh[r] = h < 0 ? ROW_MIN : h;
  }

  /* Horizontal: names column, plot, totals column. */
  float name_w = 0;
  for (size_t r = 0; r < tl->nruns; r++) {
    float name_px = fminf(T, rh[r] * 0.72f);
    size_t n = shown[r] < tl->runs[r].ntasks - L->run[r].first
                   ? shown[r]
                   : tl->runs[r].ntasks - L->run[r].first;
    if (tl->runs[r].ntasks == 0) n = 0;
    for (size_t k = 0; k < n && name_px >= NAME_MIN_PX; k++) {
      float w = draw_measure(c, loop_or_name(tl, r, L->run[r].first + k, o->lang), DRAW_FONT_UI,
                             name_px)
                    .w;
      if (w > name_w) name_w = w;
    }
  }
  float label_w = name_w + T * 0.75f + T * 0.45f + T * 0.8f;
  float inner_w = x1 - x0;
  if (label_w < inner_w * LABEL_MIN_FRAC) label_w = inner_w * LABEL_MIN_FRAC;
  if (label_w > inner_w * LABEL_MAX_FRAC) label_w = inner_w * LABEL_MAX_FRAC;
  float total_w = draw_measure(c, "00.00 s", DRAW_FONT_BOLD, T * K_TOTAL).w;
  for (size_t r = 0; r < tl->nruns; r++) {
    char b[48];
    fmt_total(b, sizeof b, view_timeline_run_total(tl, r));
    total_w = fmaxf(total_w, draw_measure(c, b, DRAW_FONT_BOLD, T * K_TOTAL).w);
    total_w = fmaxf(
        total_w, draw_measure(c, view_str(o->lang, VIEW_S_TOTAL), DRAW_FONT_UI, T * K_SMALL).w);
  }
  float total_gap = T * 0.9f;
  L->plot_x = x0 + label_w;
  L->plot_w = x1 - total_w - total_gap - L->plot_x;
  if (L->plot_w < T * 4) return LS_EINVAL;

  /* Stack the runs, then centre runs + axis in the space between title and legend. */
  float content = fixed + axis_h;
  for (size_t r = 0; r < tl->nruns; r++) {
    content += fmaxf(rh[r] * (float)shown[r], big_h);
    if (shown[r] < want[r]) content += more_h;
  }
  /* Runs, axis and legend are one block, centred under the title. */
  float y = top + fmaxf(0, (bottom - top - content) / 2);
  for (size_t r = 0; r < tl->nruns; r++) {
    view_tl_run_layout *R = &L->run[r];
    if (r > 0) y += T * K_RUN_GAP;
    if (*view_timeline_run_name(tl, r)) {
      R->header = (draw_rect){x0, y, x1 - x0, head_h};
      y += head_h;
    } else {
      R->header = (draw_rect){x0, y, x1 - x0, 0};
    }
    size_t avail_tasks = tl->runs[r].ntasks - R->first;
    R->shown = shown[r] < avail_tasks ? shown[r] : avail_tasks;
    R->hidden = avail_tasks - R->shown;
    R->row_h = rh[r];
    R->bar_h = rh[r] * K_BAR;
    float rows_h = rh[r] * (float)shown[r];
    R->labels = (draw_rect){x0, y, label_w, rows_h};
    R->rows = (draw_rect){L->plot_x, y, L->plot_w, rows_h};
    /* The total: the number, with "total" over it when the rows leave room. */
    float th = rows_h >= big_h + small_h ? big_h + small_h : big_h;
    float band = fmaxf(rows_h, th);
    R->total = (draw_rect){L->plot_x + L->plot_w + total_gap, y + (band - th) / 2, total_w, th};
    y += band;
    if (R->hidden > 0) {
      R->more = (draw_rect){x0, y, label_w + L->plot_w, more_h};
      y += more_h;
    } else {
      R->more = (draw_rect){x0, y, 0, 0};
    }
  }
  L->tick = pick_tick(c, T, L->from, L->to, L->plot_w);
  /* Tick labels are centred on their ticks, so the axis reaches past the plot by half a
     label; T * 2.5 covers "10.5 s" at K_SMALL. */
  float reach = fminf(T * 2.5f, fminf(L->plot_x - x0, x1 - (L->plot_x + L->plot_w)));
  L->axis = (draw_rect){L->plot_x - reach, y, L->plot_w + 2 * reach, axis_h};

  /* Legend items, left to right from the plot's left edge. */
  view_legend_kind kinds[VIEW_LEGEND__COUNT];
  size_t nk = 0;
  kinds[nk++] = VIEW_LEGEND_RUNNING;
  kinds[nk++] = VIEW_LEGEND_WAITING;
  kinds[nk++] = VIEW_LEGEND_BLOCKED;
  kinds[nk++] = VIEW_LEGEND_PRINT;
  if (run_has_outcome(tl, LS_OUT_ERROR)) kinds[nk++] = VIEW_LEGEND_ERROR;
  if (run_has_outcome(tl, LS_OUT_CANCELLED)) kinds[nk++] = VIEW_LEGEND_CANCELLED;
  float lx = x0, leg_y = L->axis.y + L->axis.h + T * K_LEGEND_GAP;
  for (size_t i = 0; i < nk; i++) {
    float w = legend_swatch_w(T) + T * 0.45f +
              draw_measure(c, legend_text(kinds[i], o->lang), DRAW_FONT_UI, T).w;
    if (lx + w > x1) break;
    L->legend_item[L->nlegend] = (draw_rect){lx, leg_y, w, lh};
    L->legend_kind[L->nlegend++] = kinds[i];
    lx += w + T * 1.5f;
  }
  L->legend = (draw_rect){x0, leg_y, L->nlegend ? lx - T * 1.5f - x0 : 0, lh};
  return LS_OK;
}

draw_rect view_tl_row(const view_tl_layout *l, size_t run, size_t k) {
  const view_tl_run_layout *R = &l->run[run];
  return (draw_rect){R->rows.x, R->rows.y + R->row_h * (float)k, R->rows.w, R->row_h};
}

draw_rect view_tl_row_label(const view_tl_layout *l, size_t run, size_t k) {
  const view_tl_run_layout *R = &l->run[run];
  return (draw_rect){R->labels.x, R->labels.y + R->row_h * (float)k, R->labels.w, R->row_h};
}

float view_tl_x(const view_tl_layout *l, ls_time t) {
  return l->plot_x +
         (float)((double)(t - l->from) * (double)l->plot_w / (double)(l->to - l->from));
}

ls_time view_tl_time(const view_tl_layout *l, float x) {
  return l->from + (ls_time)llround((double)(x - l->plot_x) * (double)(l->to - l->from) /
                                    (double)l->plot_w);
}

/* ---- Drawing ------------------------------------------------------------------------------
 */

/* Running steps are often zero-length on a virtual clock: draw them this wide at least
   (layout units), or wider with bigger text. */
#define MIN_RUN_W 3.0f

static float min_run_w(const view_tl_layout *L) {
  return fmaxf(MIN_RUN_W, L->text_px * 0.15f);
}
/* Segments at least this many device pixels wide end one pixel short, so that neighbours
   (three time.sleep calls in a row) read as separate blocks. */
#define GAP_FROM_PX 5.0f

typedef struct seg {
  bool have, sub;
  float x0, x1;
  ls_time t0, t1;
  size_t count;
  const view_span *sp; /* the one span when count == 1 */
} seg;

typedef struct row_draw {
  const draw_ctx *c;
  const view_tl_layout *L;
  const view_timeline *tl;
  const view_tl_opts *o;
  view_tl_stats *st;
  size_t run, task;
  view_span_kind kind;
  draw_rect bar;
  draw_color color, label_color;
  float px;      /* one device pixel in layout units */
  ls_time limit; /* nothing after this is drawn */
  ls_time open_end;
} row_draw;

static void seg_tag(row_draw *d, const seg *s) {
  static const char *const cls[VIEW_SPAN__COUNT] = {"seg run", "seg wait", "seg block"};
  char title[256];
  view_tl_hit h = {.what = VIEW_HIT_SPAN, .run = d->run, .task = d->task, .kind = d->kind};
  if (s->count == 1) {
    h.span = *s->sp;
    h.span.t0 = s->t0;
    h.span.t1 = s->t1;
    view_timeline_describe(d->tl, &h, d->o->lang, title, sizeof title);
  } else {
    char a[32], b[32];
    view_fmt_time(a, sizeof a, s->t0, 3, false);
    view_fmt_time(b, sizeof b, s->t1, 3, false);
    snprintf(title, sizeof title, "%s: %zu \xC3\x97 %s, %s\xE2\x80\x93%s",
             loop_or_name(d->tl, d->run, d->task, d->o->lang), s->count,
             view_str(d->o->lang, d->kind == VIEW_SPAN_RUN    ? VIEW_S_RUNNING
                                  : d->kind == VIEW_SPAN_WAIT ? VIEW_S_WAITING
                                                              : VIEW_S_BLOCKED),
             a, b);
  }
  draw_tag(d->c, cls[d->kind], title, s->t0, s->t1);
}

static void seg_flush(row_draw *d, seg *s) {
  if (!s->have) return;
  s->have = false;
  float x0 = s->x0, x1 = s->x1;
  if ((x1 - x0) >= GAP_FROM_PX * d->px) x1 -= d->px;
  if (draw_wants_tags(d->c)) seg_tag(d, s);
  draw_fill(d->c, (draw_rect){x0, d->bar.y, x1 - x0, d->bar.h}, d->color);
  d->st->segments[d->kind]++;
  /* A label inside the segment when it is one span and the text fits. */
  if (s->count != 1 || d->kind == VIEW_SPAN_RUN) return;
  float T = d->L->text_px, fpx = fminf(T * 0.85f, d->bar.h * 0.8f);
  if (fpx < NAME_MIN_PX) return;
  float room = x1 - x0 - T * 0.8f;
  if (room < T * 2) return;
  char lab[160];
  const tl_run *r = &d->tl->runs[d->run];
  if (d->kind == VIEW_SPAN_WAIT)
    wait_label(r, s->sp, d->o->lang, lab, sizeof lab);
  else
    block_label(s->sp, lab, sizeof lab);
  draw_font f = d->kind == VIEW_SPAN_BLOCK ? DRAW_FONT_BOLD : DRAW_FONT_UI;
  draw_size m = draw_measure(d->c, lab, f, fpx);
  if (m.w > room) return;
  draw_text(d->c, x0 + T * 0.4f, d->bar.y + (d->bar.h - m.h) / 2, lab, f, fpx, d->label_color);
}

/* Index of the first span that may reach past `from` (spans of one kind do not overlap). */
static size_t first_visible(const view_span *p, size_t n, ls_time from) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p[mid].t0 < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 ? lo - 1 : 0;
}

static void draw_layer(row_draw *d, const view_span *p, size_t n, float minw) {
  seg s = {0};
  size_t i = first_visible(p, n, d->L->from), visited = 0;
  ls_time hi = d->L->to < d->limit ? d->L->to : d->limit;
  for (; i < n; i++) {
    const view_span *sp = &p[i];
    if (sp->t0 > hi) break;
    visited++;
    ls_time t1 = sp->t1 < 0 ? d->open_end : sp->t1;
    if (t1 > d->limit) t1 = d->limit;
    if (t1 < d->L->from || t1 < sp->t0) continue;
    ls_time a = sp->t0 < d->L->from ? d->L->from : sp->t0;
    ls_time b = t1 > d->L->to ? d->L->to : t1;
    float x0 = view_tl_x(d->L, a), x1 = view_tl_x(d->L, b);
    bool sub = x1 - x0 < d->px;
    if (x1 - x0 < minw) x1 = x0 + minw;
    if (s.have && x0 <= s.x1 + d->px && (sub || s.sub)) {
      if (x1 > s.x1) s.x1 = x1;
      s.t1 = t1;
      s.count++;
      s.sub = s.x1 - s.x0 < d->px;
      d->st->merged++;
      continue;
    }
    seg_flush(d, &s);
    s = (seg){true, sub, x0, x1, sp->t0, t1, 1, sp};
  }
  seg_flush(d, &s);
  d->st->culled += n - visited;
}

/* A print is a pin standing on the bar at its time: a head in the gap above the bar and a
   stem down to it, so the bar under it (often a zero-length step) stays visible. */
static void draw_prints(row_draw *d, const view_mark *m, size_t n, draw_rect row) {
  const view_theme *th = d->c->theme;
  float T = d->L->text_px;
  float w = fmaxf(d->px, T * 0.12f);
  float gap = d->bar.y - row.y; /* room above the bar */
  float head = fminf(T * 0.42f, gap * 0.8f);
  float last = -1e30f;
  ls_time hi = d->L->to < d->limit ? d->L->to : d->limit;
  size_t lo = 0, top = n;
  while (lo < top) { /* first mark at or after from */
    size_t mid = lo + (top - lo) / 2;
    if (m[mid].t < d->L->from)
      lo = mid + 1;
    else
      top = mid;
  }
  for (size_t i = lo; i < n && m[i].t <= hi; i++) {
    float x = view_tl_x(d->L, m[i].t);
    if (x - last < d->px) continue; /* one marker per pixel column */
    last = x;
    if (draw_wants_tags(d->c)) {
      char t[256];
      view_tl_hit hh = {.what = VIEW_HIT_PRINT, .run = d->run, .task = d->task, .mark = m[i]};
      view_timeline_describe(d->tl, &hh, d->o->lang, t, sizeof t);
      draw_tag(d->c, "mark print", t, m[i].t, m[i].t);
    }
    if (head >= 2 * d->px) {
      float y0 = d->bar.y - gap * 0.1f - head;
      draw_fill(d->c, (draw_rect){x - head / 2, y0, head, head}, th->print);
      draw_fill(d->c, (draw_rect){x - w / 2, y0, w, d->bar.y - y0}, th->print);
    } else {
      /* Rows too thin for a pin: a tick over the bar's top. */
      draw_fill(d->c, (draw_rect){x - w / 2, row.y, w, row.h / 2}, th->print);
    }
    d->st->marks++;
  }
}

static void draw_outcome(const draw_ctx *c, const view_tl_layout *L, const view_tl_task *k,
                         draw_rect bar, ls_time limit) {
  if (k->outcome != LS_OUT_ERROR && k->outcome != LS_OUT_CANCELLED) return;
  if (k->ended < 0 || k->ended > limit || k->ended < L->from || k->ended > L->to) return;
  const view_theme *th = c->theme;
  float s = bar.h * 0.8f, x = view_tl_x(L, k->ended) + min_run_w(L) + 1,
        y = bar.y + (bar.h - s) / 2;
  float w = fmaxf(1.5f, L->text_px * 0.14f);
  if (k->outcome == LS_OUT_ERROR) {
    draw_line(c, x, y, x + s, y + s, w, th->error);
    draw_line(c, x, y + s, x + s, y, w, th->error);
  } else {
    draw_stroke(c, (draw_rect){x, y, s, s}, w, th->cancelled);
    draw_line(c, x, y + s, x + s, y, w, th->cancelled);
  }
}

static void draw_legend_swatch(const draw_ctx *c, view_legend_kind k, draw_rect sw, float T) {
  const view_theme *th = c->theme;
  switch (k) {
  case VIEW_LEGEND_RUNNING: /* tasks run in their own colours: show three */
    for (int i = 0; i < 3; i++)
      draw_fill(c, (draw_rect){sw.x + sw.w * (float)i / 3, sw.y, sw.w / 3, sw.h},
                view_theme_task(th, (ls_id)(i + 1)));
    break;
  case VIEW_LEGEND_WAITING:
    for (int i = 0; i < 3; i++)
      draw_fill(c, (draw_rect){sw.x + sw.w * (float)i / 3, sw.y, sw.w / 3, sw.h},
                view_theme_task_waiting(th, (ls_id)(i + 1)));
    break;
  case VIEW_LEGEND_BLOCKED:
    draw_fill(c, sw, th->blocked);
    break;
  case VIEW_LEGEND_PRINT: {
    float w = fmaxf(1.5f, T * 0.14f), head = T * 0.42f, x = sw.x + sw.w / 2;
    draw_fill(c, (draw_rect){x - w / 2, sw.y - T * 0.1f, w, sw.h + T * 0.2f}, th->print);
    draw_fill(c, (draw_rect){x - head / 2, sw.y - T * 0.1f, head, head}, th->print);
    break;
  }
  case VIEW_LEGEND_ERROR: {
    float s = sw.h, x = sw.x + (sw.w - s) / 2, w = fmaxf(1.5f, T * 0.14f);
    draw_line(c, x, sw.y, x + s, sw.y + s, w, th->error);
    draw_line(c, x, sw.y + s, x + s, sw.y, w, th->error);
    break;
  }
  case VIEW_LEGEND_CANCELLED: {
    float s = sw.h, x = sw.x + (sw.w - s) / 2, w = fmaxf(1.5f, T * 0.14f);
    draw_stroke(c, (draw_rect){x, sw.y, s, s}, w, th->cancelled);
    draw_line(c, x, sw.y + s, x + s, sw.y, w, th->cancelled);
    break;
  }
  default:
    break;
  }
}

static void draw_run(const view_timeline *tl, const draw_ctx *c, const view_tl_layout *L,
                     const view_tl_opts *o, size_t r, view_tl_stats *st) {
  const view_theme *th = c->theme;
  const view_tl_run_layout *R = &L->run[r];
  const tl_run *run = &tl->runs[r];
  float T = L->text_px, px = 1.0f / c->scale;
  ls_time limit = o->has_playhead && o->cut ? o->playhead : INT64_MAX;
  ls_time open_end = run->total >= 0 ? run->total : run->now;
  if (open_end > limit) open_end = limit;

  if (R->header.h > 0)
    draw_text_fit(c, R->header.x, R->header.y, R->header.w, view_timeline_run_name(tl, r),
                  DRAW_FONT_BOLD, T, th->text);
  /* The rows' panel, tick lines and row separators. */
  draw_fill(c, R->rows, th->panel);
  for (ls_time t = L->from - L->from % L->tick; t <= L->to; t += L->tick) {
    if (t < L->from) continue;
    float x = view_tl_x(L, t);
    draw_line(c, x, R->rows.y, x, R->rows.y + R->rows.h, px, th->grid);
  }
  if (R->row_h >= 8)
    for (size_t k = 1; k < R->shown; k++) {
      float y = R->rows.y + R->row_h * (float)k;
      draw_line(c, R->rows.x, y, R->rows.x + R->rows.w, y, px, th->bg);
    }

  /* Marks at the window's edges (a print at the very end) may stick out a little. */
  draw_clip_push(c, draw_rect_inset(R->rows, -T * 0.4f, 0));
  for (size_t k = 0; k < R->shown; k++) {
    size_t i = R->first + k;
    const tl_task *task = &run->tasks[i];
    draw_rect row = view_tl_row(L, r, k);
    draw_rect bar = {row.x, row.y + (row.h - R->bar_h) / 2, row.w, R->bar_h};
    row_draw d = {c, L, tl, o, st, r, i, VIEW_SPAN_WAIT, bar, 0, 0, px, limit, open_end};
    draw_color tc = view_theme_task(th, task->pub.id);
    d.color = view_theme_task_waiting(th, task->pub.id);
    d.label_color = draw_color_mix(tc, th->text, 0.45f);
    draw_layer(&d, task->sp[VIEW_SPAN_WAIT].p, task->sp[VIEW_SPAN_WAIT].n, 0);
    d.kind = VIEW_SPAN_RUN;
    d.color = tc;
    draw_layer(&d, task->sp[VIEW_SPAN_RUN].p, task->sp[VIEW_SPAN_RUN].n, min_run_w(L));
    d.kind = VIEW_SPAN_BLOCK;
    d.color = th->blocked;
    d.label_color = th->blocked_text;
    draw_layer(&d, task->sp[VIEW_SPAN_BLOCK].p, task->sp[VIEW_SPAN_BLOCK].n, px);
    draw_prints(&d, task->pr, task->npr, row);
    draw_outcome(c, L, &task->pub, bar, limit);
  }
  /* Where the run ended: a line across its rows. */
  if (run->total >= 0 && run->total <= limit && run->total >= L->from && run->total <= L->to) {
    float x = view_tl_x(L, run->total);
    draw_line(c, x, R->rows.y, x, R->rows.y + R->rows.h, fmaxf(px, T * 0.12f), th->axis);
  }
  draw_clip_pop(c);

  /* Names: a swatch in the task's colour and the name, cut to fit. */
  float name_px = fminf(T, R->row_h * 0.72f);
  for (size_t k = 0; k < R->shown && name_px >= NAME_MIN_PX; k++) {
    size_t i = R->first + k;
    draw_rect lab = view_tl_row_label(L, r, k);
    float sw = fminf(T * 0.75f, R->row_h * 0.6f);
    draw_fill(c, (draw_rect){lab.x, lab.y + (lab.h - sw) / 2, sw, sw},
              view_theme_task(th, run->tasks[i].pub.id));
    float tx = lab.x + sw + T * 0.45f;
    float lh = line_h(c, DRAW_FONT_UI, name_px);
    draw_text_fit(c, tx, lab.y + (lab.h - lh) / 2, lab.x + lab.w - T * 0.6f - tx,
                  loop_or_name(tl, r, i, o->lang), DRAW_FONT_UI, name_px, th->text);
  }
  if (R->hidden > 0) {
    char n[32], b[64];
    snprintf(n, sizeof n, "%zu", R->hidden);
    fmt_label(b, sizeof b, o->lang, VIEW_S_MORE_TASKS, n);
    draw_text_fit(c, R->more.x, R->more.y, R->more.w, b, DRAW_FONT_UI, T * K_SMALL,
                  th->text_dim);
  }

  /* The total beside the rows; while the run is still going, the time so far, dimmed. */
  char b[48];
  bool ended = run->total >= 0 && run->total <= limit;
  fmt_total(b, sizeof b, ended ? run->total : open_end);
  float big_h = line_h(c, DRAW_FONT_BOLD, T * K_TOTAL);
  float y = R->total.y;
  if (R->total.h > big_h) {
    if (ended)
      draw_text(c, R->total.x, y, view_str(o->lang, VIEW_S_TOTAL), DRAW_FONT_UI, T * K_SMALL,
                th->text_dim);
    y += R->total.h - big_h;
  }
  draw_text(c, R->total.x, y, b, DRAW_FONT_BOLD, T * K_TOTAL, ended ? th->text : th->text_dim);
}

int view_timeline_draw(const view_timeline *tl, const draw_ctx *c, draw_rect area,
                       const view_tl_opts *o, view_tl_layout *layout_out,
                       view_tl_stats *stats) {
  const view_theme *th = c->theme;
  view_tl_layout Lbuf, *L = layout_out ? layout_out : &Lbuf;
  view_tl_stats sbuf, *st = stats ? stats : &sbuf;
  memset(st, 0, sizeof *st);
  draw_fill(c, area, th->bg);
  int rc = view_timeline_layout(tl, c, area, o, L);
  if (rc) return rc;
  float T = L->text_px, px = 1.0f / c->scale;

  const char *title = o->title ? o->title : view_str(o->lang, VIEW_S_TIMELINE);
  draw_text_fit(c, L->title.x, L->title.y, L->title.w, title, DRAW_FONT_BOLD, T * K_TITLE,
                th->text);
  for (size_t r = 0; r < L->nruns; r++)
    draw_run(tl, c, L, o, r, st);

  /* The axis: a base line, ticks and their labels. */
  float ay = L->axis.y;
  draw_line(c, L->plot_x, ay, L->plot_x + L->plot_w, ay, fmaxf(px, T * 0.08f), th->axis);
  for (ls_time t = L->from - L->from % L->tick; t <= L->to; t += L->tick) {
    if (t < L->from) continue;
    float x = view_tl_x(L, t);
    draw_line(c, x, ay, x, ay + T * K_TICK, fmaxf(px, T * 0.08f), th->axis);
    char b[48];
    fmt_tick(b, sizeof b, t, L->tick, L->to);
    float w = draw_measure(c, b, DRAW_FONT_UI, T * K_SMALL).w;
    draw_text(c, x - w / 2, ay + T * K_TICK + T * 0.25f, b, DRAW_FONT_UI, T * K_SMALL,
              th->text_dim);
  }

  /* The playhead across every run, and its time in a tag over the tick labels. */
  if (o->has_playhead && o->playhead >= L->from && o->playhead <= L->to && L->nruns > 0) {
    float x = view_tl_x(L, o->playhead);
    float y0 = L->run[0].rows.y;
    float pw = fmaxf(2 * px, T * 0.14f);
    draw_line(c, x, y0 - T * 0.3f, x, ay, pw, th->playhead);
    draw_fill(c, (draw_rect){x - T * 0.35f, y0 - T * 0.5f, T * 0.7f, T * 0.3f}, th->playhead);
    char b[48];
    view_fmt_time(b, sizeof b, o->playhead, 2, false);
    draw_size m = draw_measure(c, b, DRAW_FONT_BOLD, T * K_SMALL);
    float pad = T * 0.3f, ty = ay + T * K_TICK + T * 0.25f;
    draw_rect tag = {x - m.w / 2 - pad, ty, m.w + 2 * pad, m.h};
    /* Kept inside the axis' reach so it never leaves the canvas. */
    if (tag.x < L->axis.x) tag.x = L->axis.x;
    if (tag.x + tag.w > L->axis.x + L->axis.w) tag.x = L->axis.x + L->axis.w - tag.w;
    draw_line(c, x, ay, x, ty, pw, th->playhead);
    draw_fill(c, tag, th->playhead);
    draw_text(c, tag.x + pad, ty, b, DRAW_FONT_BOLD, T * K_SMALL, th->bg);
  }

  /* The legend. */
  for (size_t i = 0; i < L->nlegend; i++) {
    draw_rect it = L->legend_item[i];
    float sh = T * 0.7f;
    draw_rect sw = {it.x, it.y + (it.h - sh) / 2, legend_swatch_w(T), sh};
    draw_legend_swatch(c, L->legend_kind[i], sw, T);
    draw_text(c, it.x + sw.w + T * 0.45f, it.y, legend_text(L->legend_kind[i], o->lang),
              DRAW_FONT_UI, T, th->text);
  }
  return LS_OK;
}

/* ---- Pointing at it -----------------------------------------------------------------------
 */

/* The span of one kind covering t (within slack), if any. */
static const view_span *span_at(const view_span *p, size_t n, ls_time t, ls_time slack,
                                ls_time open_end) {
  size_t i = first_visible(p, n, t - slack);
  for (; i < n && p[i].t0 <= t + slack; i++) {
    ls_time t1 = p[i].t1 < 0 ? open_end : p[i].t1;
    if (t >= p[i].t0 - slack && t <= t1 + slack) return &p[i];
  }
  return NULL;
}

bool view_timeline_hit(const view_timeline *tl, const view_tl_layout *L, float x, float y,
                       view_tl_hit *out) {
  memset(out, 0, sizeof *out);
  for (size_t r = 0; r < L->nruns && r < tl->nruns; r++) {
    const view_tl_run_layout *R = &L->run[r];
    if (R->shown == 0 || y < R->rows.y || y >= R->rows.y + R->rows.h) continue;
    if (x < R->labels.x || x >= R->rows.x + R->rows.w) continue;
    size_t k = (size_t)((y - R->rows.y) / R->row_h);
    if (k >= R->shown) return false;
    const tl_run *run = &tl->runs[r];
    const tl_task *task = &run->tasks[R->first + k];
    out->what = VIEW_HIT_ROW;
    out->run = r;
    out->task = R->first + k;
    if (x < R->rows.x) return true; /* on the name */
    ls_time t = view_tl_time(L, x);
    out->t = t;
    /* A running step's drawn width, so a zero-length step can be pointed at. */
    ls_time slack = view_tl_time(L, L->plot_x + min_run_w(L)) - L->from;
    ls_time open_end = run->total >= 0 ? run->total : run->now;
    draw_rect row = view_tl_row(L, r, k);
    if (y < row.y + (row.h - R->bar_h) / 2) {
      /* Above the bar stand the print pins. */
      const view_mark *best = NULL;
      for (size_t i = 0; i < task->npr; i++) {
        if (task->pr[i].t > t + slack) break;
        if (task->pr[i].t >= t - slack &&
            (!best || llabs(task->pr[i].t - t) < llabs(best->t - t)))
          best = &task->pr[i];
      }
      if (best) {
        out->what = VIEW_HIT_PRINT;
        out->mark = *best;
      }
      return true;
    }
    static const view_span_kind order[3] = {VIEW_SPAN_BLOCK, VIEW_SPAN_RUN, VIEW_SPAN_WAIT};
    for (int j = 0; j < 3; j++) {
      const span_vec *v = &task->sp[order[j]];
      const view_span *s =
          span_at(v->p, v->n, t, order[j] == VIEW_SPAN_RUN ? slack : 0, open_end);
      if (s) {
        out->what = VIEW_HIT_SPAN;
        out->kind = order[j];
        out->span = *s;
        return true;
      }
    }
    return true;
  }
  return false;
}

void view_timeline_describe(const view_timeline *tl, const view_tl_hit *h, view_lang lang,
                            char *buf, size_t cap) {
  if (cap == 0) return;
  buf[0] = '\0';
  if (h->what == VIEW_HIT_NONE || h->run >= tl->nruns) return;
  const tl_run *r = &tl->runs[h->run];
  const char *name = loop_or_name(tl, h->run, h->task, lang);
  char what[160], a[32], b[32];
  if (h->what == VIEW_HIT_ROW) {
    snprintf(buf, cap, "%s", name);
  } else if (h->what == VIEW_HIT_PRINT) {
    view_fmt_time(a, sizeof a, h->mark.t, 3, false);
    snprintf(buf, cap, "%s: %s \xE2\x80\x9C%s\xE2\x80\x9D, %s", name,
             view_str(lang, VIEW_S_PRINT), trace_str(r->tr, h->mark.text), a);
  } else {
    if (h->kind == VIEW_SPAN_WAIT)
      wait_label(r, &h->span, lang, what, sizeof what);
    else if (h->kind == VIEW_SPAN_BLOCK)
      snprintf(what, sizeof what, "%s", view_str(lang, VIEW_S_BLOCKED));
    else
      snprintf(what, sizeof what, "%s", view_str(lang, VIEW_S_RUNNING));
    view_fmt_time(a, sizeof a, h->span.t0, 3, false);
    if (h->span.t1 >= 0)
      view_fmt_time(b, sizeof b, h->span.t1, 3, false);
    else
      snprintf(b, sizeof b, "\xE2\x80\xA6");
    /* "0.000 s–2.000 s" reads worse than "0.000–2.000 s": drop the first unit. */
    size_t la = strlen(a);
    if (la > 2 && strcmp(a + la - 2, " s") == 0) a[la - 2] = '\0';
    snprintf(buf, cap, "%s: %s, %s\xE2\x80\x93%s", name, what, a, b);
  }
}

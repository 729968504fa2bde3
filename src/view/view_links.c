/* view_links.c -- await arrows and breakpoints: see view_links.h. */
#include "view_links.h"

#include <math.h>
#include <string.h>

#include "loop.h"
#include "view_state.h"
#include "view_theme.h"

/* ---- Hits ---------------------------------------------------------------------------------
 */

void view_hits_clear(view_hits *h) {
  h->ntask = h->nfut = h->ntimer = 0;
}

void view_hits_add(view_hits *h, int which, ls_id id, ls_id task, draw_rect r) {
  view_hit *arr = which == 0 ? h->task : which == 1 ? h->fut : h->timer;
  size_t *n = which == 0 ? &h->ntask : which == 1 ? &h->nfut : &h->ntimer;
  if (*n >= VIEW_HITS_MAX) return;
  arr[(*n)++] = (view_hit){id, task, r};
}

static const draw_rect *find(const view_hit *arr, size_t n, ls_id id, bool by_task) {
  for (size_t i = 0; i < n; i++)
    if ((by_task ? arr[i].task : arr[i].id) == id) return &arr[i].r;
  return NULL;
}

const draw_rect *view_hits_task(const view_hits *h, ls_id id) {
  return id ? find(h->task, h->ntask, id, false) : NULL;
}
const draw_rect *view_hits_future(const view_hits *h, ls_id id) {
  return id ? find(h->fut, h->nfut, id, false) : NULL;
}
const draw_rect *view_hits_sleep(const view_hits *h, ls_id task) {
  return task ? find(h->timer, h->ntimer, task, true) : NULL;
}

static ls_id at_point(const view_hit *arr, size_t n, float x, float y) {
  for (size_t i = 0; i < n; i++) {
    draw_rect r = arr[i].r;
    if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) return arr[i].id;
  }
  return 0;
}
ls_id view_hits_task_at(const view_hits *h, float x, float y) {
  return at_point(h->task, h->ntask, x, y);
}
ls_id view_hits_future_at(const view_hits *h, float x, float y) {
  return at_point(h->fut, h->nfut, x, y);
}

/* ---- Arrows -------------------------------------------------------------------------------
 */

typedef struct arrows {
  view_arrow *out;
  size_t n, cap;
} arrows;

static void push(arrows *A, view_arrow a) {
  /* Once per pair: a hot arrow replaces the plain one between the same two. */
  for (size_t i = 0; i < A->n && i < A->cap; i++) {
    view_arrow *o = &A->out[i];
    if (o->a == a.a && o->b == a.b) {
      if (a.hot && !o->hot) *o = a;
      return;
    }
  }
  if (A->n < A->cap) A->out[A->n] = a;
  A->n++;
}

/* Ended with an error or a cancellation in the last few records: its outcome, else 0. */
static uint8_t hot_outcome(const ls_trace *tr, size_t at, ls_id id) {
  size_t from = at > VIEW_ARROW_HOT_RECORDS ? at - VIEW_ARROW_HOT_RECORDS : 0;
  for (size_t i = from; i < at; i++) {
    const ls_trace_rec *e = trace_get(tr, i);
    if (!e) break;
    bool ends = (e->kind == LS_EV_TASK_DONE && e->task == id) ||
                (e->kind == LS_EV_FUT_DONE && e->obj == id);
    if (ends && (e->sub == LS_OUT_ERROR || e->sub == LS_OUT_CANCELLED)) return e->sub;
  }
  return 0;
}

size_t view_links_arrows(const view_state *vs, const view_snap *s, const view_hits *h,
                         view_arrow *out, size_t cap) {
  arrows A = {out, 0, cap};
  if (!s || !h) return 0;
  const ls_trace *tr = vs ? view_state_trace(vs, s->run) : NULL;
  for (size_t i = 0; i < s->ntasks; i++) {
    const view_st_task *k = &s->tasks[i];
    const draw_rect *me = view_hits_task(h, k->id);
    /* A gather's children fan in to its row while it is pending (or just failed). */
    if (me && tr) {
      ls_id g = view_state_gather_of(vs, s->run, k->id, s->at);
      const draw_rect *gr = view_hits_future(h, g);
      if (gr) {
        const view_st_future *gf = NULL;
        for (size_t j = 0; j < s->nfutures; j++)
          if (s->futures[j].id == g) gf = &s->futures[j];
        uint8_t hot = hot_outcome(tr, s->at, k->id);
        if (gf && (gf->outcome == 0 || hot))
          push(&A, (view_arrow){*me, *gr, VIEW_ARROW_CHILD, hot, k->id, k->id, g});
      }
    }
    if (!me || (k->state != VIEW_TS_WAITING && k->state != VIEW_TS_READY)) continue;
    if (k->wait == LS_WAIT_READY) continue;
    const draw_rect *to = NULL;
    uint8_t kind = VIEW_ARROW_FUTURE;
    switch (k->wait) {
    case LS_WAIT_SLEEP:
      to = view_hits_sleep(h, k->id);
      kind = VIEW_ARROW_SLEEP;
      break;
    case LS_WAIT_TASK:
      to = view_hits_task(h, k->wait_obj);
      kind = VIEW_ARROW_TASK;
      break;
    case LS_WAIT_GATHER:
      to = view_hits_future(h, k->wait_obj);
      kind = VIEW_ARROW_GATHER;
      break;
    default:
      to = view_hits_future(h, k->wait_obj);
      break;
    }
    if (!to) continue;
    uint8_t hot = tr ? hot_outcome(tr, s->at, k->wait_obj) : 0;
    /* Woken tasks keep their arrow only while what woke them is an error travelling. */
    if (k->state == VIEW_TS_READY && !hot) continue;
    if (hot) /* the error travels from what ended to the task it woke */
      push(&A, (view_arrow){*to, *me, kind, hot, k->id, k->id, k->wait_obj});
    else
      push(&A, (view_arrow){*me, *to, kind, 0, k->id, k->id, k->wait_obj});
  }
  return A.n;
}

/* Where the segment from the centre of r toward (tx, ty) leaves r. */
static void edge(draw_rect r, float tx, float ty, float *x, float *y) {
  float cx = r.x + r.w / 2, cy = r.y + r.h / 2, dx = tx - cx, dy = ty - cy;
  float sx = dx != 0 ? (r.w / 2) / fabsf(dx) : INFINITY;
  float sy = dy != 0 ? (r.h / 2) / fabsf(dy) : INFINITY;
  float s = fminf(fminf(sx, sy), 1.0f);
  *x = cx + dx * s;
  *y = cy + dy * s;
}

void view_links_draw(const draw_ctx *c, float T, draw_rect clip, const view_arrow *a,
                     size_t n, float pulse) {
  const view_theme *th = c->theme;
  draw_clip_push(c, clip);
  for (size_t i = 0; i < n; i++) {
    const view_arrow *w = &a[i];
    /* A future or timer row is a full-width line: the arrow meets its left end, where its
       name is; a card is met at its edge facing the other end. */
    bool row_to = w->kind != VIEW_ARROW_TASK && (!w->hot || w->kind == VIEW_ARROW_CHILD);
    bool row_from = w->kind != VIEW_ARROW_TASK && !row_to;
    float x0, y0, x1, y1;
    if (row_to) {
      x1 = w->to.x;
      y1 = w->to.y + w->to.h / 2;
      edge(w->from, x1, y1, &x0, &y0);
    } else if (row_from) {
      x0 = w->from.x;
      y0 = w->from.y + w->from.h / 2;
      edge(w->to, x0, y0, &x1, &y1);
    } else {
      edge(w->from, w->to.x + w->to.w / 2, w->to.y + w->to.h / 2, &x0, &y0);
      edge(w->to, w->from.x + w->from.w / 2, w->from.y + w->from.h / 2, &x1, &y1);
    }
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 1.0f) continue;
    draw_color col = view_theme_task(th, w->task);
    float width = T * 0.12f;
    if (w->hot) {
      col = w->hot == LS_OUT_CANCELLED ? th->cancelled : th->error;
      width = T * 0.3f;
    }
    draw_arrow(c, x0, y0, x1, y1, width, T * (w->hot ? 0.9f : 0.65f), col);
    if (w->hot && pulse > 0 && pulse <= 1) { /* the error on its way, a dot riding the line */
      float d = T * 0.7f, px = x0 + dx * pulse, py = y0 + dy * pulse;
      draw_fill(c, (draw_rect){px - d / 2, py - d / 2, d, d}, col);
      draw_stroke(c, (draw_rect){px - d / 2, py - d / 2, d, d}, T * 0.12f, th->panel);
    }
  }
  draw_clip_pop(c);
}

/* ---- Breakpoints --------------------------------------------------------------------------
 */

void view_bp_clear(view_bp *b) {
  memset(b->n, 0, sizeof b->n);
}

bool view_bp_empty(const view_bp *b) {
  return !b->n[0] && !b->n[1] && !b->n[2];
}

bool view_bp_has(const view_bp *b, view_bp_kind k, int64_t v) {
  if ((unsigned)k >= VIEW_BP__KINDS) return false;
  for (size_t i = 0; i < b->n[k]; i++)
    if (b->v[k][i] == v) return true;
  return false;
}

bool view_bp_toggle(view_bp *b, view_bp_kind k, int64_t v) {
  if ((unsigned)k >= VIEW_BP__KINDS) return false;
  for (size_t i = 0; i < b->n[k]; i++)
    if (b->v[k][i] == v) {
      b->v[k][i] = b->v[k][--b->n[k]];
      return false;
    }
  if (b->n[k] >= VIEW_BP_MAX) return false;
  b->v[k][b->n[k]++] = v;
  return true;
}

bool view_bp_hits(const view_bp *b, const ls_trace_rec *e) {
  switch (e->kind) {
  case LS_EV_STEP:
    return view_bp_has(b, VIEW_BP_TASK, e->task) ||
           (e->line > 0 && view_bp_has(b, VIEW_BP_LINE, e->line));
  case LS_EV_SUSPEND:
    return e->line > 0 && view_bp_has(b, VIEW_BP_LINE, e->line);
  case LS_EV_FUT_DONE:
    return view_bp_has(b, VIEW_BP_FUTURE, e->obj);
  default:
    return false;
  }
}

size_t view_bp_next_stop(const ls_trace *tr, size_t from, size_t to, const view_bp *b) {
  if (!tr || !b || view_bp_empty(b)) return 0;
  size_t n = trace_count(tr);
  if (to > n) to = n;
  for (size_t i = from; i < to; i++)
    if (view_bp_hits(b, trace_get(tr, i))) return i + 1;
  return 0;
}

bool view_bp_play(const view_state *vs, view_play *p, size_t run_before, size_t at_before,
                  const view_bp *b) {
  if (!vs || !p || !b || p->run != run_before || p->at <= at_before) return false;
  size_t stop = view_bp_next_stop(view_state_trace(vs, p->run), at_before, p->at, b);
  if (!stop) return false;
  p->at = stop;
  p->t = view_state_time_of(vs, p->run, stop);
  p->owed = 0;
  p->playing = false;
  return true;
}

void view_bp_draw(const draw_ctx *c, float T, const view_bp *b, const view_hits *h,
                  draw_rect code_body, float line_h, int first, int shown) {
  const view_theme *th = c->theme;
  draw_color red = th->error;
  float d = T * 0.55f;
  for (size_t i = 0; i < b->n[VIEW_BP_TASK]; i++) {
    const draw_rect *r = view_hits_task(h, (ls_id)b->v[VIEW_BP_TASK][i]);
    if (!r) continue;
    draw_stroke(c, *r, T * 0.16f, red);
    draw_fill(c, (draw_rect){r->x + r->w - d - T * 0.2f, r->y + r->h - d - T * 0.15f, d, d},
              red);
  }
  for (size_t i = 0; i < b->n[VIEW_BP_FUTURE]; i++) {
    const draw_rect *r = view_hits_future(h, (ls_id)b->v[VIEW_BP_FUTURE][i]);
    if (!r) continue;
    draw_stroke(c, *r, T * 0.1f, red);
  }
  if (line_h <= 0) return;
  for (size_t i = 0; i < b->n[VIEW_BP_LINE]; i++) {
    int ln = (int)b->v[VIEW_BP_LINE][i];
    if (ln < first || ln >= first + shown) continue;
    float y = code_body.y + line_h * (float)(ln - first);
    draw_fill(c, (draw_rect){code_body.x - T * 0.35f, y + (line_h - d) / 2, d * 0.7f, d}, red);
  }
}

/* view_state.c -- per-object histories read from a trace once, and the state at any record
 * rebuilt from them by binary search: stepping back costs what stepping forward costs. */
#include "view_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loop.h"
#include "view_timeline.h"

#define NOPE UINT32_MAX /* "never": a pop, a resolution or an end that has not happened */
#define SCAN_MAX 4096   /* queue entries a pop looks past for the one it took */

/* One change of a task's state: it holds for snapshots with at >= from. 24 bytes: a busy
   task has three per step (running, waiting, ready). */
typedef struct st_phase {
  uint32_t from;
  uint8_t state, wait, cancelling;
  ls_id obj;
  int32_t line;
  ls_time until;
} st_phase;

typedef struct st_rename { /* rare: a name (or gather) that holds from `from` on */
  uint32_t from;
  int64_t name;
} st_rename;

typedef struct st_task {
  ls_id id, parent;
  int32_t def_line;
  uint32_t born; /* from: the TASK_NEW record + 1 */
  int64_t name;  /* the name it was made with */
  int64_t text;  /* TASK_DONE's text; the phase that ends the task says from when */
  st_phase *ph;
  uint32_t nph, cap;
  st_rename *rn;
  uint32_t nrn;
  st_rename *gt; /* the gathers it is a child of, each from the record that says so */
  uint32_t ngt;
} st_task;

typedef struct st_item {
  uint32_t push, pop; /* records applied when it joined and when it left (NOPE: never) */
  uint8_t kind;
  ls_id task, obj;
  int64_t label;
} st_item;

typedef struct st_fut {
  ls_id id, creator;
  uint8_t kind, outcome;
  uint32_t born, done;
  int64_t text;
} st_fut;

typedef struct st_timer {
  ls_id id, task;
  int32_t line;
  ls_time when;
  uint32_t arm, end;
} st_timer;

/* id -> index, open addressing; keys stored as id + 1 so 0 is empty. */
typedef struct id_map {
  uint64_t *keys;
  uint32_t *vals;
  size_t cap, n;
} id_map;

typedef struct st_run {
  char *name;
  const ls_trace *tr;
  size_t n;
  ls_time end;
  st_task *tasks;
  size_t ntasks, captasks;
  id_map task_ix, fut_ix, timer_ix;
  st_item *items;
  size_t nitems, capitems, head; /* head: first entry not yet popped, while reading */
  st_fut *futs;
  size_t nfuts, capfuts;
  st_timer *timers;
  size_t ntimers, captimers;
  uint32_t *console; /* record indices of PRINT and WARN */
  size_t ncons, capcons;
  ls_id *cur;     /* per record: the task in a step after it */
  int32_t *line;  /* per record: the line that task has reached */
  int32_t *focus; /* per record: where the latest thing happened (a line, carried over) */
  uint32_t ended; /* from of LOOP_END, NOPE when none */
  int status;
} st_run;

struct view_state {
  st_run *runs;
  size_t nruns, cap;
};

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t n = *cap ? *cap * 2 : 16;
  while (n < need)
    n *= 2;
  void *q = realloc(*p, n * elem);
  if (!q) return LS_ENOMEM;
  *p = q;
  *cap = n;
  return 0;
}

/* ---- id maps ------------------------------------------------------------------------------
 */

static size_t map_slot(const id_map *m, ls_id id) {
  size_t i = ((uint64_t)id * 0x9E3779B97F4A7C15ull >> 20) & (m->cap - 1);
  while (m->keys[i] && m->keys[i] != (uint64_t)id + 1)
    i = (i + 1) & (m->cap - 1);
  return i;
}

static uint32_t map_get(const id_map *m, ls_id id) {
  if (!m->cap) return NOPE;
  size_t i = map_slot(m, id);
  return m->keys[i] ? m->vals[i] : NOPE;
}

static int map_put(id_map *m, ls_id id, uint32_t v) {
  if ((m->n + 1) * 2 > m->cap) {
    id_map g = {0};
    g.cap = m->cap ? m->cap * 2 : 64;
    g.keys = calloc(g.cap, sizeof *g.keys);
    g.vals = malloc(g.cap * sizeof *g.vals);
    if (!g.keys || !g.vals) {
      free(g.keys);
      free(g.vals);
      return LS_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i]) {
        size_t j = map_slot(&g, (ls_id)(m->keys[i] - 1));
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
      }
    g.n = m->n;
    free(m->keys);
    free(m->vals);
    *m = g;
  }
  size_t i = map_slot(m, id);
  if (!m->keys[i]) m->n++;
  m->keys[i] = (uint64_t)id + 1;
  m->vals[i] = v;
  return 0;
}

static void map_free(id_map *m) {
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

/* ---- Reading a run ------------------------------------------------------------------------
 */

static st_task *task_of(st_run *r, ls_id id) {
  uint32_t i = map_get(&r->task_ix, id);
  return i == NOPE ? NULL : &r->tasks[i];
}

/* The phase a change at `from` edits: the last one when it has the same from, else a copy. */
static st_phase *phase_at(st_task *k, uint32_t from) {
  if (k->nph && k->ph[k->nph - 1].from == from) return &k->ph[k->nph - 1];
  size_t cap = k->cap;
  if (grow((void **)&k->ph, &cap, (size_t)k->nph + 1, sizeof *k->ph)) return NULL;
  k->cap = (uint32_t)cap;
  k->ph[k->nph] = k->ph[k->nph - 1];
  k->ph[k->nph].from = from;
  return &k->ph[k->nph++];
}

static int item_pop(st_run *r, uint32_t from, uint8_t kind, ls_id task, ls_id obj) {
  /* FIFO: the entry taken is the first that matches; entries before it left silently (a step
     of a task that had finished, a timer cancelled once due). */
  for (size_t i = r->head; i < r->nitems && i < r->head + SCAN_MAX; i++) {
    st_item *it = &r->items[i];
    bool match = false;
    switch (kind) {
    case LS_H_STEP: /* a STEP record pops a step or a wake-up of that task */
      match = (it->kind == LS_H_STEP || it->kind == LS_H_WAKEUP) && it->task == task;
      break;
    case LS_H_TIMER:
      match = it->kind == LS_H_TIMER && it->obj == obj;
      break;
    default:
      match = it->kind == LS_H_CALLBACK && it->obj == obj;
      break;
    }
    if (!match) continue;
    for (size_t j = r->head; j <= i; j++)
      r->items[j].pop = from;
    r->head = i + 1;
    return 1;
  }
  return 0;
}

static int add_gather(st_task *k, uint32_t from, ls_id g) {
  if (k->ngt && k->gt[k->ngt - 1].name == (int64_t)g) return 0;
  st_rename *n = realloc(k->gt, (k->ngt + 1) * sizeof *n);
  if (!n) return LS_ENOMEM;
  k->gt = n;
  k->gt[k->ngt++] = (st_rename){from, (int64_t)g};
  return 0;
}

static int run_read(st_run *r) {
  size_t n = trace_count(r->tr);
  r->n = n;
  r->ended = NOPE;
  r->cur = malloc((n ? n : 1) * sizeof *r->cur);
  r->line = malloc((n ? n : 1) * sizeof *r->line);
  r->focus = malloc((n ? n : 1) * sizeof *r->focus);
  if (!r->cur || !r->line || !r->focus) return LS_ENOMEM;
  int32_t focus = 0;
  ls_id cur = 0;
  int32_t line = 0;
  ls_id gather = 0, maker = 0; /* a gather just made: the tasks its maker makes next are its */
  for (size_t i = 0; i < n; i++) {
    const ls_trace_rec *e = trace_get(r->tr, i);
    uint32_t from = (uint32_t)(i + 1);
    st_task *k = NULL;
    st_phase *p = NULL;
    r->end = e->t;
    switch (e->kind) {
    case LS_EV_LOOP_START:
      if (!r->name && e->arg) {
        r->name = strdup(trace_str(r->tr, e->arg));
        if (!r->name) return LS_ENOMEM;
      }
      break;
    case LS_EV_LOOP_END:
      r->ended = from;
      r->status = e->sub;
      for (size_t j = r->head; j < r->nitems; j++)
        r->items[j].pop = from;
      r->head = r->nitems;
      cur = 0;
      line = 0;
      break;
    case LS_EV_TASK_NEW: {
      if (task_of(r, e->task)) break; /* a repeated id: keep the first */
      if (grow((void **)&r->tasks, &r->captasks, r->ntasks + 1, sizeof *r->tasks) ||
          map_put(&r->task_ix, e->task, (uint32_t)r->ntasks))
        return LS_ENOMEM;
      k = &r->tasks[r->ntasks++];
      *k = (st_task){
          .id = e->task, .parent = e->obj, .def_line = e->line, .born = from, .name = e->arg};
      k->ph = malloc(4 * sizeof *k->ph);
      if (!k->ph) return LS_ENOMEM;
      k->cap = 4;
      k->nph = 1;
      k->ph[0] = (st_phase){.from = from, .state = VIEW_TS_PENDING, .line = e->line};
      break;
    }
    case LS_EV_GATHER_CHILD:
      if ((k = task_of(r, (ls_id)e->arg)) && add_gather(k, from, e->obj)) return LS_ENOMEM;
      break;
    case LS_EV_TASK_RENAME:
      if ((k = task_of(r, e->task))) {
        st_rename *g = realloc(k->rn, (k->nrn + 1) * sizeof *g);
        if (!g) return LS_ENOMEM;
        k->rn = g;
        k->rn[k->nrn++] = (st_rename){from, e->arg};
      }
      break;
    case LS_EV_SCHED: {
      if (grow((void **)&r->items, &r->capitems, r->nitems + 1, sizeof *r->items))
        return LS_ENOMEM;
      r->items[r->nitems++] = (st_item){.push = from,
                                        .pop = NOPE,
                                        .kind = e->sub,
                                        .task = e->task,
                                        .obj = e->obj,
                                        .label = e->arg};
      if ((e->sub == LS_H_STEP || e->sub == LS_H_WAKEUP) && (k = task_of(r, e->task))) {
        uint8_t st = k->ph[k->nph - 1].state;
        if (st == VIEW_TS_WAITING || st == VIEW_TS_RUNNING) {
          if (!(p = phase_at(k, from))) return LS_ENOMEM;
          p->state = VIEW_TS_READY;
        }
      }
      break;
    }
    case LS_EV_STEP:
      item_pop(r, from, LS_H_STEP, e->task, 0);
      cur = e->task;
      /* A first step's line is where the task was made, not a line it runs: unknown until
         the task does something on a line. */
      line = e->sub == LS_RESUME_START ? 0 : e->line;
      if ((k = task_of(r, e->task))) {
        if (!(p = phase_at(k, from))) return LS_ENOMEM;
        p->state = VIEW_TS_RUNNING;
        p->line = line;
        if (e->sub == LS_RESUME_CANCEL) p->cancelling = 0;
      }
      break;
    case LS_EV_RUN:
      item_pop(r, from, LS_H_CALLBACK, 0, e->obj);
      cur = 0;
      line = 0;
      break;
    case LS_EV_TIMER_FIRE: {
      item_pop(r, from, LS_H_TIMER, 0, e->obj);
      uint32_t ti = map_get(&r->timer_ix, e->obj);
      if (ti != NOPE && r->timers[ti].end == NOPE) r->timers[ti].end = from;
      cur = 0;
      line = 0;
      break;
    }
    case LS_EV_SUSPEND:
      if ((k = task_of(r, e->task))) {
        if (!(p = phase_at(k, from))) return LS_ENOMEM;
        p->state = VIEW_TS_WAITING;
        p->wait = e->sub;
        p->obj = e->obj;
        p->until = e->arg;
        p->line = e->line;
      }
      /* A sleep's timer was armed just before, by the loop on the task's behalf. */
      if (e->sub == LS_WAIT_SLEEP && r->ntimers) {
        st_timer *tm = &r->timers[r->ntimers - 1];
        if (tm->task == 0 && tm->arm + 1 >= from && tm->when == e->arg) tm->task = e->task;
      }
      if (e->task == cur) cur = 0, line = 0;
      break;
    case LS_EV_TASK_DONE:
      if ((k = task_of(r, e->task))) {
        if (!(p = phase_at(k, from))) return LS_ENOMEM;
        p->state = e->sub == LS_OUT_ERROR       ? VIEW_TS_FAILED
                   : e->sub == LS_OUT_CANCELLED ? VIEW_TS_CANCELLED
                                                : VIEW_TS_DONE;
        k->text = e->arg;
        if (e->line > 0) p->line = e->line;
        p->cancelling = 0;
      }
      if (e->task == cur) cur = 0, line = 0;
      break;
    case LS_EV_CANCEL_REQ:
      if ((k = task_of(r, e->obj))) {
        if (!(p = phase_at(k, from))) return LS_ENOMEM;
        p->cancelling = 1;
      }
      break;
    case LS_EV_FUT_NEW:
      if (map_get(&r->fut_ix, e->obj) != NOPE) break;
      if (grow((void **)&r->futs, &r->capfuts, r->nfuts + 1, sizeof *r->futs) ||
          map_put(&r->fut_ix, e->obj, (uint32_t)r->nfuts))
        return LS_ENOMEM;
      r->futs[r->nfuts++] = (st_fut){
          .id = e->obj, .creator = e->task, .kind = e->sub, .born = from, .done = NOPE};
      break;
    case LS_EV_FUT_DONE: {
      uint32_t fi = map_get(&r->fut_ix, e->obj);
      if (fi != NOPE && r->futs[fi].done == NOPE) {
        r->futs[fi].done = from;
        r->futs[fi].outcome = e->sub;
        r->futs[fi].text = e->arg;
      }
      break;
    }
    case LS_EV_TIMER_ARM:
      if (map_get(&r->timer_ix, e->obj) != NOPE) break;
      if (grow((void **)&r->timers, &r->captimers, r->ntimers + 1, sizeof *r->timers) ||
          map_put(&r->timer_ix, e->obj, (uint32_t)r->ntimers))
        return LS_ENOMEM;
      r->timers[r->ntimers++] = (st_timer){.id = e->obj,
                                           .task = e->task,
                                           .line = e->line,
                                           .when = e->arg,
                                           .arm = from,
                                           .end = NOPE};
      if (e->line > 0 && cur) line = e->line;
      break;
    case LS_EV_TIMER_CANCEL: {
      uint32_t ti = map_get(&r->timer_ix, e->obj);
      if (ti != NOPE && r->timers[ti].end == NOPE) r->timers[ti].end = from;
      break;
    }
    case LS_EV_PRINT:
    case LS_EV_WARN:
      if (grow((void **)&r->console, &r->capcons, r->ncons + 1, sizeof *r->console))
        return LS_ENOMEM;
      r->console[r->ncons++] = (uint32_t)i;
      if (e->line > 0 && cur && (e->task == cur || e->task == 0)) line = e->line;
      break;
    case LS_EV_BLOCK:
      if (e->line > 0 && cur && (e->task == cur || e->task == 0)) line = e->line;
      break;
    default:
      break;
    }
    /* Traces without GATHER_CHILD records: a gather's own tasks are made right after its
       FUT_NEW, by the same task, with nothing but their steps queued between. */
    if (e->kind == LS_EV_FUT_NEW && e->sub == LS_FK_GATHER) {
      gather = e->obj;
      maker = e->task;
    } else if (e->kind == LS_EV_TASK_NEW && gather && e->obj == maker) {
      if ((k = task_of(r, e->task)) && !k->ngt && add_gather(k, from, gather)) return LS_ENOMEM;
    } else if (e->kind != LS_EV_TASK_RENAME && e->kind != LS_EV_SCHED &&
               e->kind != LS_EV_GATHER_CHILD) {
      gather = 0;
    }
    r->cur[i] = cur;
    r->line[i] = cur ? line : 0;
    if (e->line > 0)
      focus = e->line;
    else if (r->line[i] > 0)
      focus = r->line[i];
    r->focus[i] = focus;
  }
  /* Growth by doubling leaves up to half of each array unused; a long trace is read once and
     kept, so give that back. */
  for (size_t i = 0; i < r->ntasks; i++) {
    st_task *k = &r->tasks[i];
    st_phase *q = k->nph < k->cap ? realloc(k->ph, k->nph * sizeof *q) : NULL;
    if (q) k->ph = q, k->cap = k->nph;
  }
  st_item *it = r->nitems && r->nitems < r->capitems ? realloc(r->items, r->nitems * sizeof *it)
                                                     : NULL;
  if (it) r->items = it, r->capitems = r->nitems;
  return 0;
}

static void run_free(st_run *r) {
  free(r->name);
  for (size_t i = 0; i < r->ntasks; i++)
    free(r->tasks[i].ph), free(r->tasks[i].rn), free(r->tasks[i].gt);
  free(r->tasks);
  map_free(&r->task_ix);
  map_free(&r->fut_ix);
  map_free(&r->timer_ix);
  free(r->items);
  free(r->futs);
  free(r->timers);
  free(r->console);
  free(r->cur);
  free(r->line);
  free(r->focus);
  memset(r, 0, sizeof *r);
}

view_state *view_state_new(void) {
  return calloc(1, sizeof(view_state));
}

void view_state_free(view_state *vs) {
  if (!vs) return;
  for (size_t i = 0; i < vs->nruns; i++)
    run_free(&vs->runs[i]);
  free(vs->runs);
  free(vs);
}

int view_state_add_run(view_state *vs, const char *name, const ls_trace *tr) {
  if (grow((void **)&vs->runs, &vs->cap, vs->nruns + 1, sizeof *vs->runs)) return LS_ENOMEM;
  st_run *r = &vs->runs[vs->nruns];
  memset(r, 0, sizeof *r);
  r->tr = tr;
  if (name && !(r->name = strdup(name))) return LS_ENOMEM;
  if (run_read(r)) {
    run_free(r);
    return LS_ENOMEM;
  }
  return (int)vs->nruns++;
}

size_t view_state_run_count(const view_state *vs) {
  return vs->nruns;
}

const char *view_state_run_name(const view_state *vs, size_t run) {
  return run < vs->nruns && vs->runs[run].name ? vs->runs[run].name : "";
}

size_t view_state_records(const view_state *vs, size_t run) {
  return run < vs->nruns ? vs->runs[run].n : 0;
}

const ls_trace *view_state_trace(const view_state *vs, size_t run) {
  return run < vs->nruns ? vs->runs[run].tr : NULL;
}

ls_time view_state_run_end(const view_state *vs, size_t run) {
  return run < vs->nruns ? vs->runs[run].end : 0;
}

ls_time view_state_end(const view_state *vs) {
  ls_time e = 0;
  for (size_t i = 0; i < vs->nruns; i++)
    if (vs->runs[i].end > e) e = vs->runs[i].end;
  return e;
}

size_t view_state_count_at(const view_state *vs, size_t run, ls_time t) {
  if (run >= vs->nruns) return 0;
  const st_run *r = &vs->runs[run];
  size_t lo = 0, hi = r->n; /* first record later than t */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (trace_get(r->tr, mid)->t <= t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

ls_time view_state_time_of(const view_state *vs, size_t run, size_t at) {
  if (run >= vs->nruns || at == 0) return 0;
  const st_run *r = &vs->runs[run];
  if (at > r->n) at = r->n;
  return at ? trace_get(r->tr, at - 1)->t : 0;
}

size_t view_state_burst(const view_state *vs, size_t run, size_t i) {
  if (run >= vs->nruns || i >= vs->runs[run].n) return 0;
  const st_run *r = &vs->runs[run];
  ls_time t = trace_get(r->tr, i)->t;
  size_t lo = view_state_count_at(vs, run, t - 1);
  return view_state_count_at(vs, run, t) - lo;
}

/* ---- Snapshots ----------------------------------------------------------------------------
 */

/* Its name after `at` records: the last rename by then, else the name it was made with. */
static int64_t task_name_at(const st_task *k, size_t at) {
  int64_t name = k->name;
  for (uint32_t i = 0; i < k->nrn && k->rn[i].from <= at; i++)
    name = k->rn[i].name;
  return name;
}

/* The last phase holding at `at` (one always does once the task exists). */
static const st_phase *phase_for(const st_task *k, size_t at) {
  uint32_t lo = 0, hi = k->nph;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (k->ph[mid].from <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return &k->ph[lo ? lo - 1 : 0];
}

static int reserve(void **p, size_t *cap, size_t n, size_t elem) {
  return grow(p, cap, n ? n : 1, elem);
}

static int cmp_timer(const void *a, const void *b) {
  const view_st_timer *x = a, *y = b;
  if (x->when != y->when) return x->when < y->when ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

int view_state_at(const view_state *vs, size_t run, size_t at, ls_time t, view_snap *s) {
  view_st_task *keep_t = s->tasks;
  view_st_item *keep_q = s->queue;
  view_st_future *keep_f = s->futures;
  view_st_timer *keep_m = s->timers;
  size_t ct = s->cap_tasks, cq = s->cap_queue, cf = s->cap_futures, cm = s->cap_timers;
  memset(s, 0, sizeof *s);
  s->tasks = keep_t, s->queue = keep_q, s->futures = keep_f, s->timers = keep_m;
  s->cap_tasks = ct, s->cap_queue = cq, s->cap_futures = cf, s->cap_timers = cm;
  s->run = run;
  if (run >= vs->nruns) return 0;
  const st_run *r = &vs->runs[run];
  if (at > r->n) at = r->n;
  s->at = at;
  s->count = r->n;
  s->last = at ? trace_get(r->tr, at - 1) : NULL;
  s->t = s->last && s->last->t > t ? s->last->t : t;
  s->running = at ? r->cur[at - 1] : 0;
  s->running_line = at ? r->line[at - 1] : 0;
  if (s->last && s->last->kind == LS_EV_BLOCK) {
    s->blocked = true;
    s->blocked_until = s->last->arg;
  }
  s->focus_line = at ? r->focus[at - 1] : 0;
  s->ended = r->ended <= at;
  s->status = s->ended ? r->status : 0;

  /* Tasks: those born by now, each in its phase. */
  size_t lo = 0, hi = r->ntasks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->tasks[mid].born <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t nt = lo;
  if (reserve((void **)&s->tasks, &s->cap_tasks, nt, sizeof *s->tasks)) return LS_ENOMEM;
  for (size_t i = 0; i < nt; i++) {
    const st_task *k = &r->tasks[i];
    const st_phase *p = phase_for(k, at);
    view_st_task *o = &s->tasks[i];
    *o = (view_st_task){.id = k->id,
                        .parent = k->parent,
                        .name = trace_str(r->tr, task_name_at(k, at)),
                        .state = p->state,
                        .wait = p->wait,
                        .cancelling = p->cancelling,
                        .wait_obj = p->obj,
                        .until = p->until,
                        .line = p->line,
                        .def_line = k->def_line,
                        .text = p->state >= VIEW_TS_DONE ? trace_str(r->tr, k->text) : ""};
    if (o->state == VIEW_TS_RUNNING && k->id == s->running) {
      if (s->running_line > 0) o->line = s->running_line;
      if (s->blocked) {
        o->blocked = true;
        o->until = s->blocked_until;
      }
    }
  }
  s->ntasks = nt;

  /* The ready queue: entries pushed by now and not yet popped. Both are in push order, so
     they are one contiguous range. */
  lo = 0, hi = r->nitems;
  while (lo < hi) { /* first entry still in the queue after `at` */
    size_t mid = lo + (hi - lo) / 2;
    if (r->items[mid].pop <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t q0 = lo;
  hi = r->nitems;
  while (lo < hi) { /* first entry pushed later */
    size_t mid = lo + (hi - lo) / 2;
    if (r->items[mid].push <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t nq = lo - q0;
  if (reserve((void **)&s->queue, &s->cap_queue, nq, sizeof *s->queue)) return LS_ENOMEM;
  for (size_t i = 0; i < nq; i++) {
    const st_item *it = &r->items[q0 + i];
    s->queue[i] = (view_st_item){it->kind, it->task, it->obj, trace_str(r->tr, it->label)};
  }
  s->nqueue = nq;

  /* Futures made by now; who waits on each comes from the tasks. */
  size_t nf = 0;
  while (nf < r->nfuts && r->futs[nf].born <= at)
    nf++;
  if (reserve((void **)&s->futures, &s->cap_futures, nf, sizeof *s->futures)) return LS_ENOMEM;
  for (size_t i = 0; i < nf; i++) {
    const st_fut *f = &r->futs[i];
    bool done = f->done <= at;
    s->futures[i] = (view_st_future){.id = f->id,
                                     .creator = f->creator,
                                     .kind = f->kind,
                                     .outcome = done ? f->outcome : 0,
                                     .text = done ? trace_str(r->tr, f->text) : ""};
  }
  s->nfutures = nf;
  for (size_t i = 0; i < nt && nf; i++) {
    const view_st_task *k = &s->tasks[i];
    if (k->state != VIEW_TS_WAITING || k->wait == LS_WAIT_SLEEP || k->wait == LS_WAIT_READY)
      continue;
    uint32_t fi = map_get(&r->fut_ix, k->wait_obj);
    if (fi == NOPE || fi >= nf) continue;
    view_st_future *f = &s->futures[fi];
    if (f->nwaiters < sizeof f->waiter / sizeof f->waiter[0]) f->waiter[f->nwaiters] = k->id;
    f->nwaiters++;
  }

  /* Timers armed by now and not yet ended, soonest first. */
  size_t nm = 0;
  for (size_t i = 0; i < r->ntimers && r->timers[i].arm <= at; i++)
    if (r->timers[i].end > at) nm++;
  if (reserve((void **)&s->timers, &s->cap_timers, nm, sizeof *s->timers)) return LS_ENOMEM;
  nm = 0;
  for (size_t i = 0; i < r->ntimers && r->timers[i].arm <= at; i++) {
    const st_timer *m = &r->timers[i];
    if (m->end > at) s->timers[nm++] = (view_st_timer){m->id, m->task, m->when, m->line};
  }
  qsort(s->timers, nm, sizeof *s->timers, cmp_timer);
  s->ntimers = nm;

  /* Console lines: records before `at`. */
  lo = 0, hi = r->ncons;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->console[mid] < at)
      lo = mid + 1;
    else
      hi = mid;
  }
  s->nconsole = lo;
  return 0;
}

void view_snap_free(view_snap *s) {
  if (!s) return;
  free(s->tasks);
  free(s->queue);
  free(s->futures);
  free(s->timers);
  memset(s, 0, sizeof *s);
}

const view_st_task *view_snap_task(const view_snap *s, ls_id id) {
  /* Ids grow in the order tasks are made, as the engine hands them out: binary search, then a
     scan for traces made some other way. */
  size_t lo = 0, hi = s->ntasks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->tasks[mid].id < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < s->ntasks && s->tasks[lo].id == id) return &s->tasks[lo];
  for (size_t i = 0; i < s->ntasks; i++)
    if (s->tasks[i].id == id) return &s->tasks[i];
  return NULL;
}

size_t view_state_console_count(const view_state *vs, size_t run) {
  return run < vs->nruns ? vs->runs[run].ncons : 0;
}

view_st_line view_state_console(const view_state *vs, size_t run, size_t i) {
  view_st_line l = {.text = ""};
  if (run >= vs->nruns || i >= vs->runs[run].ncons) return l;
  const st_run *r = &vs->runs[run];
  const ls_trace_rec *e = trace_get(r->tr, r->console[i]);
  l.t = e->t;
  l.task = e->task;
  l.warn = e->kind == LS_EV_WARN;
  l.level = e->sub;
  l.line = e->line;
  l.text = trace_str(r->tr, e->arg);
  return l;
}

int32_t view_state_focus(const view_state *vs, size_t run, size_t at) {
  if (run >= vs->nruns || at == 0) return 0;
  const st_run *r = &vs->runs[run];
  return r->focus[(at > r->n ? r->n : at) - 1];
}

ls_id view_state_gather_of(const view_state *vs, size_t run, ls_id id, size_t at) {
  if (run >= vs->nruns) return 0;
  const st_task *k = task_of(&vs->runs[run], id);
  ls_id g = 0;
  for (uint32_t i = 0; k && i < k->ngt && k->gt[i].from <= at; i++) g = (ls_id)k->gt[i].name;
  return g;
}

const char *view_state_task_name(const view_state *vs, size_t run, ls_id id) {
  if (run >= vs->nruns) return "";
  st_task *k = task_of(&vs->runs[run], id);
  return k ? trace_str(vs->runs[run].tr, task_name_at(k, (size_t)-1)) : "";
}

/* ---- Words --------------------------------------------------------------------------------
 */

const char *view_task_state_name(view_task_state st, view_lang lang) {
  static const view_str_id ids[VIEW_TS__COUNT] = {VIEW_S_PENDING,  VIEW_S_READY, VIEW_S_RUNNING,
                                                  VIEW_S_WAITING,  VIEW_S_DONE,  VIEW_S_FAILED,
                                                  VIEW_S_CANCELLED};
  return (unsigned)st < VIEW_TS__COUNT ? view_str(lang, ids[st]) : "";
}

static void fmt1(char *buf, size_t cap, view_lang lang, view_str_id id, const char *arg) {
  snprintf(buf, cap, view_str(lang, id), arg);
}

static const char *name_or_id(const view_state *vs, size_t run, ls_id id, char *b, size_t cap) {
  const char *n = view_state_task_name(vs, run, id);
  if (*n) return n;
  snprintf(b, cap, "Task #%u", (unsigned)id);
  return b;
}

static void wait_text(const view_state *vs, size_t run, const char *obj_name, uint8_t wait,
                      ls_id obj, ls_time until, view_lang lang, char *buf, size_t cap) {
  char a[64];
  switch (wait) {
  case LS_WAIT_SLEEP: {
    char tb[32];
    view_fmt_time(tb, sizeof tb, until, 2, true);
    fmt1(buf, cap, lang, VIEW_S_SLEEP_UNTIL, tb);
    break;
  }
  case LS_WAIT_FUTURE:
    snprintf(a, sizeof a, "%u", (unsigned)obj);
    fmt1(buf, cap, lang, VIEW_S_FUTURE, a);
    break;
  case LS_WAIT_TASK:
    if (obj_name && *obj_name)
      snprintf(buf, cap, "%s", obj_name);
    else if (vs)
      snprintf(buf, cap, "%s", name_or_id(vs, run, obj, a, sizeof a));
    else
      snprintf(buf, cap, "Task #%u", (unsigned)obj);
    break;
  case LS_WAIT_GATHER:
    snprintf(buf, cap, "%s #%u", view_str(lang, VIEW_S_GATHER), (unsigned)obj);
    break;
  default:
    snprintf(buf, cap, "%s", view_str(lang, VIEW_S_YIELD));
    break;
  }
}

void view_snap_wait_text(const view_snap *s, const view_st_task *k, view_lang lang, char *buf,
                         size_t cap) {
  const char *obj_name = NULL;
  if (k->wait == LS_WAIT_TASK) {
    const view_st_task *o = view_snap_task(s, k->wait_obj);
    obj_name = o ? o->name : NULL;
  }
  char b[32];
  if (!obj_name && k->wait == LS_WAIT_TASK) {
    snprintf(b, sizeof b, "Task #%u", (unsigned)k->wait_obj);
    obj_name = b;
  }
  wait_text(NULL, 0, obj_name, k->wait, k->wait_obj, k->until, lang, buf, cap);
}

/* Event sentences: the same argument order in both languages, no particles that depend on the
   name before them. */
enum {
  EV_START,
  EV_END,
  EV_END_ERR,
  EV_NEW,
  EV_NEW_LOOP,
  EV_SCHED_STEP,
  EV_SCHED_WAKE,
  EV_SCHED_CB,
  EV_SCHED_TIMER,
  EV_RUN_CB,
  EV_STEP,
  EV_STEP0,
  EV_STEP_FIRST,
  EV_STEP_CANCEL,
  EV_SUSPEND,
  EV_DONE,
  EV_FAILED,
  EV_CANCELLED,
  EV_FUT_NEW,
  EV_FUT_DONE,
  EV_FUT_ERR,
  EV_FUT_CANCEL,
  EV_ARM,
  EV_FIRE,
  EV_TCANCEL,
  EV_BLOCK,
  EV_PRINT,
  EV_WARN,
  EV_CANCEL_REQ,
  EV_RENAME,
  EV_GATHER_CHILD,
  EV_NOTE,
  EV__COUNT
};
static const char *const ev_fmt[EV__COUNT][VIEW_LANG__COUNT] = {
    [EV_START] = {"the loop starts", "루프 시작"},
    [EV_END] = {"the loop ends", "루프 끝"},
    [EV_END_ERR] = {"the loop ends: %s", "루프 끝: %s"},
    [EV_NEW] = {"%s creates %s", "%s → 새 태스크 %s"},
    [EV_NEW_LOOP] = {"%s%s is created", "%s%s 생성"},
    [EV_SCHED_STEP] = {"%s joins the ready queue", "%s → 준비 큐"},
    [EV_SCHED_WAKE] = {"%s is woken by %s and joins the ready queue",
                       "%s 깨어남 (%s) → 준비 큐"},
    [EV_SCHED_CB] = {"callback %s joins the ready queue", "콜백 %s → 준비 큐"},
    [EV_SCHED_TIMER] = {"timer #%s is due and joins the ready queue",
                        "타이머 #%s 만료 → 준비 큐"},
    [EV_RUN_CB] = {"the loop runs callback %s", "루프가 콜백 %s 실행"},
    [EV_STEP] = {"%s runs from line %s", "%s 실행: %s번째 줄부터"},
    [EV_STEP0] = {"%s runs", "%s 실행"},
    [EV_STEP_FIRST] = {"%s starts running", "%s 실행 시작"},
    [EV_STEP_CANCEL] = {"%s resumes with CancelledError at line %s",
                        "%s 재개: %s번째 줄에서 CancelledError"},
    [EV_SUSPEND] = {"%s waits: %s", "%s 대기: %s"},
    [EV_DONE] = {"%s finishes%s", "%s 완료%s"},
    [EV_FAILED] = {"%s fails: %s", "%s 실패: %s"},
    [EV_CANCELLED] = {"%s is cancelled%s", "%s 취소됨%s"},
    [EV_FUT_NEW] = {"Future #%s is made (%s)", "Future #%s 생성 (%s)"},
    [EV_FUT_DONE] = {"Future #%s gets its result%s", "Future #%s 결과 받음%s"},
    [EV_FUT_ERR] = {"Future #%s gets an error: %s", "Future #%s 오류: %s"},
    [EV_FUT_CANCEL] = {"Future #%s is cancelled%s", "Future #%s 취소됨%s"},
    [EV_ARM] = {"timer #%s is set for %s", "타이머 #%s 설정: %s"},
    [EV_FIRE] = {"timer #%s fires%s", "타이머 #%s 울림%s"},
    [EV_TCANCEL] = {"timer #%s is cancelled%s", "타이머 #%s 취소됨%s"},
    [EV_BLOCK] = {"%s holds the whole loop: time.sleep until %s",
                  "%s: time.sleep으로 루프 전체를 %s까지 붙잡음"},
    [EV_PRINT] = {"%s prints: %s", "%s 출력: %s"},
    [EV_WARN] = {"warning%s: %s", "경고%s: %s"},
    [EV_CANCEL_REQ] = {"%s asks %s to cancel", "%s → %s 취소 요청"},
    [EV_RENAME] = {"%s is renamed %s", "%s 이름 바꿈: %s"},
    [EV_GATHER_CHILD] = {"gather #%s waits for %s", "gather #%s → %s 기다림"},
    [EV_NOTE] = {"%s%s", "%s%s"},
};

static const char *fut_kind_name(int k) {
  static const char *const n[] = {"Future", "Task", "sleep", "gather", "helper"};
  return (unsigned)k < sizeof n / sizeof n[0] ? n[k] : "?";
}

void view_state_describe(const view_state *vs, size_t run, size_t i, view_lang lang, char *buf,
                         size_t cap) {
  if (cap) *buf = 0;
  if (run >= vs->nruns || i >= vs->runs[run].n) return;
  if ((unsigned)lang >= VIEW_LANG__COUNT) lang = VIEW_LANG_EN;
  const st_run *r = &vs->runs[run];
  const ls_trace_rec *e = trace_get(r->tr, i);
  char a[96], b[256], n1[64], n2[80];
  const char *who =
      e->task ? name_or_id(vs, run, e->task, n1, sizeof n1) : view_str(lang, VIEW_S_LOOP);
  const char *str = trace_str(r->tr, e->arg);
  int ev = -1;
  const char *x = "", *y = "";
  switch (e->kind) {
  case LS_EV_LOOP_START:
    ev = EV_START;
    break;
  case LS_EV_LOOP_END:
    ev = e->sub ? EV_END_ERR : EV_END;
    x = e->sub ? ls_strerror(-(int)e->sub) : "";
    break;
  case LS_EV_TASK_NEW:
    if (e->obj) {
      ev = EV_NEW;
      x = name_or_id(vs, run, e->obj, n2, sizeof n2);
      y = *str ? str : name_or_id(vs, run, e->task, n1, sizeof n1);
    } else {
      ev = EV_NEW_LOOP;
      x = *str ? str : name_or_id(vs, run, e->task, n1, sizeof n1);
    }
    break;
  case LS_EV_TASK_RENAME:
    ev = EV_RENAME;
    x = who, y = str;
    break;
  case LS_EV_SCHED:
    switch (e->sub) {
    case LS_H_STEP:
      ev = EV_SCHED_STEP, x = who;
      break;
    case LS_H_WAKEUP: {
      ev = EV_SCHED_WAKE, x = who;
      uint32_t fi = map_get(&r->fut_ix, e->obj);
      if (task_of((st_run *)r, e->obj)) {
        y = name_or_id(vs, run, e->obj, n2, sizeof n2);
      } else if (fi != NOPE && r->futs[fi].kind == LS_FK_GATHER) {
        snprintf(n2, sizeof n2, "%s #%u", view_str(lang, VIEW_S_GATHER), (unsigned)e->obj);
        y = n2;
      } else if (fi != NOPE) {
        snprintf(a, sizeof a, "%u", (unsigned)e->obj);
        fmt1(n2, sizeof n2, lang, VIEW_S_FUTURE, a);
        y = n2;
      } else {
        y = lang == VIEW_LANG_KO ? "sleep 끝" : "the end of its sleep";
      }
      break;
    }
    case LS_H_TIMER:
      ev = EV_SCHED_TIMER;
      snprintf(a, sizeof a, "%u", (unsigned)e->obj);
      x = a;
      break;
    default:
      ev = EV_SCHED_CB;
      snprintf(n2, sizeof n2, "'%s'", *str ? str : "done");
      x = n2;
      break;
    }
    break;
  case LS_EV_RUN:
    ev = EV_RUN_CB;
    snprintf(n2, sizeof n2, "'%s'", *str ? str : "done");
    x = n2;
    break;
  case LS_EV_STEP:
    ev = e->sub == LS_RESUME_CANCEL ? EV_STEP_CANCEL
         : e->sub == LS_RESUME_START ? EV_STEP_FIRST
         : e->line > 0               ? EV_STEP
                                     : EV_STEP0;
    snprintf(a, sizeof a, "%d", (int)e->line);
    x = who, y = a;
    break;
  case LS_EV_SUSPEND: {
    ev = EV_SUSPEND;
    x = who;
    const char *oname = NULL;
    if (e->sub == LS_WAIT_TASK) oname = name_or_id(vs, run, e->obj, n2, sizeof n2);
    wait_text(vs, run, oname, e->sub, e->obj, e->arg, lang, b, sizeof b);
    y = b;
    break;
  }
  case LS_EV_TASK_DONE:
    ev = e->sub == LS_OUT_ERROR       ? EV_FAILED
         : e->sub == LS_OUT_CANCELLED ? EV_CANCELLED
                                      : EV_DONE;
    x = who;
    if (ev == EV_FAILED)
      y = str;
    else if (*str)
      snprintf(b, sizeof b, ": %s", str), y = b;
    break;
  case LS_EV_FUT_NEW:
    ev = EV_FUT_NEW;
    snprintf(a, sizeof a, "%u", (unsigned)e->obj);
    x = a, y = fut_kind_name(e->sub);
    break;
  case LS_EV_FUT_DONE:
    ev = e->sub == LS_OUT_ERROR       ? EV_FUT_ERR
         : e->sub == LS_OUT_CANCELLED ? EV_FUT_CANCEL
                                      : EV_FUT_DONE;
    snprintf(a, sizeof a, "%u", (unsigned)e->obj);
    x = a;
    if (ev == EV_FUT_ERR)
      y = str;
    else if (*str)
      snprintf(b, sizeof b, ": %s", str), y = b;
    break;
  case LS_EV_TIMER_ARM:
    ev = EV_ARM;
    snprintf(a, sizeof a, "%u", (unsigned)e->obj);
    view_fmt_time(b, sizeof b, e->arg, 2, true);
    x = a, y = b;
    break;
  case LS_EV_TIMER_FIRE:
  case LS_EV_TIMER_CANCEL: {
    ev = e->kind == LS_EV_TIMER_FIRE ? EV_FIRE : EV_TCANCEL;
    snprintf(a, sizeof a, "%u", (unsigned)e->obj);
    x = a;
    uint32_t ti = map_get(&r->timer_ix, e->obj);
    if (ti != NOPE && r->timers[ti].task) {
      snprintf(b, sizeof b, " (%s)", name_or_id(vs, run, r->timers[ti].task, n2, sizeof n2));
      y = b;
    }
    break;
  }
  case LS_EV_BLOCK:
    ev = EV_BLOCK;
    view_fmt_time(b, sizeof b, e->arg, 2, true);
    x = who, y = b;
    break;
  case LS_EV_PRINT:
    ev = EV_PRINT;
    x = who, y = str;
    break;
  case LS_EV_WARN:
    ev = EV_WARN;
    if (e->task) snprintf(n2, sizeof n2, " (%s)", who), x = n2;
    y = str;
    break;
  case LS_EV_CANCEL_REQ:
    ev = EV_CANCEL_REQ;
    x = who, y = name_or_id(vs, run, e->obj, n2, sizeof n2);
    break;
  case LS_EV_GATHER_CHILD:
    ev = EV_GATHER_CHILD;
    snprintf(a, sizeof a, "%u", (unsigned)e->obj);
    x = a;
    if (*view_state_task_name(vs, run, (ls_id)e->arg))
      y = view_state_task_name(vs, run, (ls_id)e->arg);
    else
      snprintf(b, sizeof b, "Future #%u", (unsigned)e->arg), y = b;
    break;
  default:
    ev = EV_NOTE;
    x = str;
    break;
  }
  if (ev < 0) return;
  /* Every sentence takes x then y; the ones with one slot ignore y. */
  snprintf(buf, cap, ev_fmt[ev][lang], x, y);
}

/* ---- Playback -----------------------------------------------------------------------------
 */

void view_play_init(view_play *p) {
  memset(p, 0, sizeof *p);
  p->speed = 1.0;
  for (size_t i = 0; i < VIEW_PLAY_RUNS; i++)
    p->left_t[i] = -1;
}

static double dwell(const view_state *vs, const view_play *p) {
  size_t burst = view_state_burst(vs, p->run, p->at);
  double d = VIEW_PLAY_DWELL;
  if (burst > 0 && d * (double)burst > VIEW_PLAY_BURST_MAX)
    d = VIEW_PLAY_BURST_MAX / (double)burst;
  return d / (p->speed > 0 ? p->speed : 1.0);
}

bool view_play_at_end(const view_state *vs, const view_play *p) {
  return p->at >= view_state_records(vs, p->run) && p->t >= view_state_end(vs);
}

bool view_play_advance(const view_state *vs, view_play *p, double wall) {
  if (wall <= 0) return false;
  bool changed = false;
  size_t n = view_state_records(vs, p->run);
  ls_time end = view_state_end(vs);
  const ls_trace *tr = view_state_trace(vs, p->run);
  for (int guard = 0; guard < 1000000 && wall > 0; guard++) {
    if (p->at < n && trace_get(tr, p->at)->t <= p->t) {
      /* Records due now: each takes its dwell. */
      double d = dwell(vs, p);
      p->owed += wall;
      wall = 0;
      while (p->at < n && trace_get(tr, p->at)->t <= p->t && p->owed >= d) {
        p->owed -= d;
        p->at++;
        changed = true;
      }
      if (p->at < n && trace_get(tr, p->at)->t <= p->t) break; /* still in the burst */
      wall = p->owed; /* the burst is over: what is left moves the clock */
      p->owed = 0;
      continue;
    }
    ls_time next = p->at < n ? trace_get(tr, p->at)->t : end;
    if (p->t >= next) {
      if (p->at >= n) { /* the end */
        p->playing = false;
        p->owed = 0;
        break;
      }
      continue;
    }
    double need = LS_TO_SEC(next - p->t) / p->speed;
    if (wall < need) {
      p->t += (ls_time)(wall * p->speed * 1e9);
      if (p->t > next) p->t = next;
      changed = true;
      break;
    }
    wall -= need;
    p->t = next;
    changed = true;
  }
  if (view_play_at_end(vs, p)) p->playing = false;
  return changed;
}

bool view_play_step(const view_state *vs, view_play *p, int dir) {
  size_t n = view_state_records(vs, p->run);
  p->owed = 0;
  if (dir > 0) {
    if (p->at < n) {
      p->at++;
      ls_time t = view_state_time_of(vs, p->run, p->at);
      if (t > p->t) p->t = t;
      return true;
    }
    ls_time end = view_state_end(vs);
    if (p->t < end) {
      p->t = end;
      return true;
    }
    return false;
  }
  if (p->at == 0 && p->t == 0) return false;
  if (p->at == n && p->t > view_state_time_of(vs, p->run, n)) {
    /* Back from past this run's end (another run went on): to its last record. */
    p->t = view_state_time_of(vs, p->run, n);
    return true;
  }
  if (p->at > 0) p->at--;
  p->t = view_state_time_of(vs, p->run, p->at);
  return true;
}

void view_play_seek(const view_state *vs, view_play *p, ls_time t) {
  if (t < 0) t = 0;
  ls_time end = view_state_end(vs);
  if (t > end) t = end;
  p->t = t;
  p->at = view_state_count_at(vs, p->run, t);
  p->owed = 0;
}

void view_play_home(view_play *p) {
  p->at = 0;
  p->t = 0;
  p->owed = 0;
}

void view_play_end(const view_state *vs, view_play *p) {
  p->at = view_state_records(vs, p->run);
  p->t = view_state_end(vs);
  p->owed = 0;
  p->playing = false;
}

void view_play_focus(const view_state *vs, view_play *p, size_t run) {
  if (run >= view_state_run_count(vs)) return;
  if (p->run < VIEW_PLAY_RUNS) {
    p->left_at[p->run] = p->at;
    p->left_t[p->run] = p->t;
  }
  p->run = run;
  if (run < VIEW_PLAY_RUNS && p->left_t[run] == p->t &&
      p->left_at[run] <= view_state_records(vs, run))
    p->at = p->left_at[run];
  else
    p->at = view_state_count_at(vs, run, p->t);
  p->owed = 0;
}

void view_play_speed(view_play *p, int dir) {
  double s = dir > 0 ? p->speed * 2 : p->speed / 2;
  if (s < VIEW_PLAY_SPEED_MIN) s = VIEW_PLAY_SPEED_MIN;
  if (s > VIEW_PLAY_SPEED_MAX) s = VIEW_PLAY_SPEED_MAX;
  p->speed = s;
}

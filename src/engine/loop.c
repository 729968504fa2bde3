/* loop.c -- one iteration = move due timers to the ready queue, then run what was ready at
 * its start (new arrivals wait for the next iteration), as asyncio's _run_once does. */
#include "loop_int.h"

#include <stdlib.h>
#include <string.h>

int ls_grow(void **arr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return LS_OK;
  size_t n = *cap ? *cap : 16;
  while (n < need) n *= 2;
  void *p = realloc(*arr, n * elem);
  if (!p) return LS_ENOMEM;
  *arr = p;
  *cap = n;
  return LS_OK;
}

ls_loop *loop_new(const ls_loop_config *cfg) {
  if (!cfg || !cfg->clock || !cfg->trace || !cfg->step) return NULL;
  ls_loop *l = calloc(1, sizeof *l);
  if (!l) return NULL;
  l->cfg = *cfg;
  l->t0 = clock_now(cfg->clock);
  l->rcap = 64;
  l->ready = malloc(l->rcap * sizeof *l->ready);
  if (!l->ready) goto fail;
  loop_rec(l, LS_EV_LOOP_START, 0, 0, 0, 0, cfg->name);
  return l;
fail:
  free(l);
  return NULL;
}

void loop_free(ls_loop *l) {
  if (!l) return;
  free(l->ready);
  free(l->futs);
  free(l->fcbs);
  free(l->tasks);
  free(l->timers);
  free(l->heap);
  free(l);
}

void *loop_host(const ls_loop *l) {
  return l->cfg.host;
}

ls_trace *loop_trace(const ls_loop *l) {
  return l->cfg.trace;
}

ls_time loop_time(const ls_loop *l) {
  return clock_now(l->cfg.clock) - l->t0;
}

void loop_set_debug(ls_loop *l, ls_time threshold) {
  l->debug = threshold;
}

ls_time loop_debug(const ls_loop *l) {
  return l->debug;
}

int loop_grow_ready(ls_loop *l) {
  handle *n = malloc(l->rcap * 2 * sizeof *n);
  if (!n) return LS_ENOMEM;
  for (size_t i = 0; i < l->rcount; i++) n[i] = l->ready[(l->rhead + i) & (l->rcap - 1)];
  free(l->ready);
  l->ready = n;
  l->rhead = 0;
  l->rcap *= 2;
  return LS_OK;
}

int loop_call_soon(ls_loop *l, loop_cb cb, void *ud, uint64_t arg, int64_t label) {
  if (l->closed) return LS_ECLOSED;
  handle h = {cb, ud, arg, label, LS_H_CALLBACK, 0, 0};
  return loop_push(l, &h);
}

size_t loop_ready_count(const ls_loop *l) {
  return l->rcount;
}

void loop_stop(ls_loop *l) {
  l->stopping = 1;
}

void loop_fail(ls_loop *l) {
  l->failed = 1;
}

void loop_close(ls_loop *l) {
  l->closed = 1;
}

int loop_closed(const ls_loop *l) {
  return l->closed;
}

void loop_end_trace(ls_loop *l, int status) {
  if (l->ended) return;
  l->ended = 1;
  loop_rec(l, LS_EV_LOOP_END, status < 0 ? -status : status, 0, 0, 0, 0);
}

void loop_block(ls_loop *l, ls_time d, int32_t line) {
  if (d < 0) d = 0;
  ls_time now = clock_now(l->cfg.clock);
  loop_rec(l, LS_EV_BLOCK, 0, l->current, 0, line, now + d - l->t0);
  clock_wait_until(l->cfg.clock, now + d);
}

void loop_note(ls_loop *l, ls_event_kind kind, int sub, ls_id obj, int32_t line, int64_t arg) {
  loop_rec(l, kind, sub, l->current, obj, line, arg);
}

static void run_handle(ls_loop *l, const handle *h) {
  switch (h->kind) {
  case LS_H_STEP:
    task_run_step(l, h->task, LS_RESUME_WAKE);
    break;
  case LS_H_WAKEUP:
    task_wakeup(l, h->task, h->obj);
    break;
  case LS_H_CALLBACK:
    loop_rec(l, LS_EV_RUN, LS_H_CALLBACK, 0, h->obj, 0, h->label);
    h->cb(l, h->ud, h->arg, h->obj);
    break;
  case LS_H_TIMER: {
    if (l->timers[h->obj].done) break; /* cancelled after it came due, as CPython skips it */
    l->timers[h->obj].done = 1;
    timer tm = l->timers[h->obj];
    loop_rec(l, LS_EV_TIMER_FIRE, 0, 0, h->obj, 0, tm.label);
    if (tm.cb)
      tm.cb(l, tm.ud, tm.arg, 0);
    else if (fut_state(l, tm.fut) == LS_FUT_PENDING) /* _set_result_unless_cancelled */
      fut_resolve(l, tm.fut, LS_OUT_RESULT, 0);
    break;
  }
  }
}

/* One iteration; `wait` lets the clock move to the next timer when nothing is ready. On the
 * real clock a host with an idle hook does that waiting itself, so that finished I/O can end
 * it early, and is asked to look without waiting (deadline = now) when handles are ready, as
 * asyncio polls its selector with a zero timeout. */
static int run_once(ls_loop *l, int wait) {
  int io = l->cfg.idle && l->cfg.clock->mode == LS_CLOCK_REAL;
  if (l->rcount == 0 && !l->stopping) {
    ls_id tm = timer_peek(l);
    if (tm) {
      ls_time when = l->timers[tm].when;
      if (l->cfg.max_time && when - l->t0 > l->cfg.max_time) return LS_ETIMELIMIT;
      if (io)
        l->cfg.idle(l, l->cfg.host, wait ? when - l->t0 : loop_time(l));
      else if (wait)
        clock_wait_until(l->cfg.clock, when);
    } else if (!(l->cfg.idle && l->cfg.idle(l, l->cfg.host, -1))) {
      return LS_EDEADLOCK; /* nothing ready, no timer, nothing coming */
    }
  } else if (io) {
    l->cfg.idle(l, l->cfg.host, loop_time(l));
  }
  ls_time now = clock_now(l->cfg.clock);
  ls_id tm;
  while ((tm = timer_peek(l)) && l->timers[tm].when <= now) {
    timer_pop(l);
    handle h = {.kind = LS_H_TIMER, .obj = tm};
    if (loop_push(l, &h)) return LS_ENOMEM;
  }
  for (size_t n = l->rcount; n > 0 && !l->failed; n--) {
    handle h = l->ready[l->rhead];
    l->rhead = (l->rhead + 1) & (l->rcap - 1);
    l->rcount--;
    if (l->debug) {
      ls_time t1 = clock_now(l->cfg.clock);
      run_handle(l, &h);
      ls_time took = clock_now(l->cfg.clock) - t1;
      if (took >= l->debug && l->cfg.slow) /* CPython: dt >= slow_callback_duration */
        l->cfg.slow(l, l->cfg.host, h.kind == LS_H_CALLBACK || h.kind == LS_H_TIMER ? 0 : h.task,
                    took);
    } else if (h.kind == LS_H_STEP) { /* the two task handles inline: see task_step */
      task_step(l, h.task, LS_RESUME_WAKE);
    } else if (h.kind == LS_H_WAKEUP) {
      task_wake(l, h.task, h.obj);
    } else {
      run_handle(l, &h);
    }
    if (l->cfg.max_handles && ++l->handles_run >= l->cfg.max_handles) return LS_ESTEPLIMIT;
  }
  return l->failed ? LS_EHOST : LS_OK;
}

int loop_run(ls_loop *l, ls_run_mode mode) {
  if (l->closed) return LS_ECLOSED;
  if (mode != LS_RUN_DEFAULT) {
    int rc = run_once(l, mode == LS_RUN_ONCE);
    l->stopping = 0;
    return rc == LS_EDEADLOCK ? LS_OK : rc;
  }
  for (;;) {
    int rc = run_once(l, 1);
    if (rc == LS_EDEADLOCK) return LS_OK; /* ran out of work */
    if (rc) return rc;
    if (l->stopping) {
      l->stopping = 0;
      return LS_OK;
    }
  }
}

static void stop_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  (void)ud, (void)arg, (void)fut;
  loop_stop(l);
}

int loop_run_until_done(ls_loop *l, ls_id f) {
  if (l->closed) return LS_ECLOSED;
  if (fut_state(l, f) < 0) return LS_ENOENT;
  int rc = fut_add_callback(l, f, stop_cb, NULL, 0, 0);
  if (rc) return rc;
  for (;;) {
    rc = run_once(l, 1);
    if (rc) break;
    if (l->stopping) {
      l->stopping = 0;
      break;
    }
  }
  fut_remove_callback(l, f, stop_cb, NULL, 0);
  if (rc == LS_EDEADLOCK && fut_state(l, f) != LS_FUT_PENDING) rc = LS_OK;
  return rc;
}

int loop_run_until_time(ls_loop *l, ls_time t) {
  for (;;) {
    if (l->rcount == 0) {
      ls_time next = loop_next_timer(l);
      if (next < 0 || next > t) return LS_OK;
    }
    int rc = run_once(l, 1);
    if (rc) return rc == LS_EDEADLOCK ? LS_OK : rc;
  }
}

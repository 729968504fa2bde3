/* timer.c -- a binary min-heap of timers ordered by (deadline, id): ties fire in the order
 * they were scheduled, the stable rule (CPython's heap gives it on a fine clock). */
#include "loop_int.h"

static int before(const ls_loop *l, uint32_t a, uint32_t b) {
  const timer *x = &l->timers[a], *y = &l->timers[b];
  return x->when < y->when || (x->when == y->when && a < b);
}

static void place(ls_loop *l, size_t i, uint32_t id) {
  l->heap[i] = id;
  l->timers[id].heap = (uint32_t)i + 1;
}

static void sift_up(ls_loop *l, size_t i) {
  uint32_t id = l->heap[i];
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (!before(l, id, l->heap[p])) break;
    place(l, i, l->heap[p]);
    i = p;
  }
  place(l, i, id);
}

static void sift_down(ls_loop *l, size_t i) {
  uint32_t id = l->heap[i];
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= l->nheap) break;
    if (c + 1 < l->nheap && before(l, l->heap[c + 1], l->heap[c])) c++;
    if (!before(l, l->heap[c], id)) break;
    place(l, i, l->heap[c]);
    i = c;
  }
  place(l, i, id);
}

static void heap_remove(ls_loop *l, size_t i) {
  l->timers[l->heap[i]].heap = 0;
  l->nheap--;
  if (i == l->nheap) return;
  place(l, i, l->heap[l->nheap]);
  sift_down(l, i);
  sift_up(l, l->timers[l->heap[i]].heap - 1);
}

ls_id timer_arm(ls_loop *l, ls_time when, loop_cb cb, void *ud, uint64_t arg, int64_t label,
                ls_id fut, int32_t line) {
  if (ls_grow((void **)&l->timers, &l->captimers, l->ntimers + 2, sizeof(timer)) ||
      ls_grow((void **)&l->heap, &l->capheap, l->nheap + 1, sizeof(uint32_t)))
    return 0;
  ls_id id = (ls_id)++l->ntimers;
  l->timers[id] = (timer){when, cb, ud, arg, label, fut, 0, 0};
  l->heap[l->nheap++] = id;
  sift_up(l, l->nheap - 1);
  loop_rec(l, LS_EV_TIMER_ARM, 0, l->current, id, line, when - l->t0);
  return id;
}

ls_id timer_peek(const ls_loop *l) {
  return l->nheap ? l->heap[0] : 0;
}

void timer_pop(ls_loop *l) {
  heap_remove(l, 0);
}

ls_id loop_call_later(ls_loop *l, ls_time delay, loop_cb cb, void *ud, uint64_t arg,
                      int64_t label, int32_t line) {
  /* A negative delay is a deadline in the past: due at once, and before later ones, as
   * asyncio's call_later(-1) is */
  return timer_arm(l, clock_now(l->cfg.clock) + delay, cb, ud, arg, label, 0, line);
}

int loop_timer_cancel(ls_loop *l, ls_id id) {
  if (id == 0 || id > l->ntimers) return LS_ENOENT;
  timer *tm = &l->timers[id];
  if (tm->done) return 0;
  /* Not in the heap but not done: it came due and waits in the ready queue. */
  if (tm->heap) heap_remove(l, tm->heap - 1);
  tm->done = 1;
  loop_rec(l, LS_EV_TIMER_CANCEL, 0, l->current, id, 0, 0);
  return 1;
}

size_t loop_timer_count(const ls_loop *l) {
  return l->nheap;
}

ls_time loop_next_timer(const ls_loop *l) {
  if (!l->nheap) return -1;
  ls_time when = l->timers[l->heap[0]].when - l->t0;
  return when < 0 ? 0 : when; /* a deadline before the loop began (call_later(-1)) is due now */
}

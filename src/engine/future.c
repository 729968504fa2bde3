/* future.c -- futures: a state, and done callbacks run in the order added, each through
 * call_soon (as asyncio schedules them). Values live with the host. */
#include "loop_int.h"

static fut *get(const ls_loop *l, ls_id f) {
  return (f == 0 || f > l->nfuts) ? NULL : &l->futs[f];
}

ls_id fut_new(ls_loop *l, ls_fut_kind kind) {
  if (ls_grow((void **)&l->futs, &l->capfuts, l->nfuts + 2, sizeof(fut))) return 0;
  ls_id id = (ls_id)++l->nfuts;
  l->futs[id] = (fut){.state = LS_FUT_PENDING, .kind = (uint8_t)kind};
  if (kind != LS_FK_SLEEP && kind != LS_FK_TASK)
    loop_rec(l, LS_EV_FUT_NEW, kind, l->current, id, 0, 0);
  return id;
}

int fut_valid(const ls_loop *l, ls_id f) {
  return get(l, f) != NULL;
}

int fut_state(const ls_loop *l, ls_id f) {
  fut *x = get(l, f);
  return x ? x->state : LS_ENOENT;
}

int fut_kind(const ls_loop *l, ls_id f) {
  fut *x = get(l, f);
  return x ? x->kind : LS_ENOENT;
}

size_t fut_count(const ls_loop *l) {
  return l->nfuts;
}

static void schedule_cb(ls_loop *l, const fcb *c, ls_id f) {
  handle h = {c->cb, c->ud, c->arg, c->label, c->cb ? LS_H_CALLBACK : LS_H_WAKEUP, c->task, f};
  if (loop_push(l, &h)) loop_fail(l);
}

int fut_resolve(ls_loop *l, ls_id f, ls_outcome how, int64_t text) {
  fut *x = get(l, f);
  if (!x) return LS_ENOENT;
  if (x->state != LS_FUT_PENDING) return LS_ESTATE;
  x->state = (uint8_t)(how == LS_OUT_RESULT    ? LS_FUT_RESULT
                       : how == LS_OUT_ERROR ? LS_FUT_ERROR
                                             : LS_FUT_CANCELLED);
  if (x->kind != LS_FK_TASK) loop_rec(l, LS_EV_FUT_DONE, how, l->current, f, 0, text);
  /* Callbacks may add callbacks to other futures (and grow the pool): walk by index. */
  uint32_t i = x->cb_head;
  x->cb_head = x->cb_tail = 0;
  while (i) {
    fcb c = l->fcbs[i];
    l->fcbs[i].next = l->fcb_free;
    l->fcb_free = i;
    schedule_cb(l, &c, f);
    i = c.next;
  }
  return LS_OK;
}

int fut_cancel(ls_loop *l, ls_id f) {
  fut *x = get(l, f);
  if (!x) return LS_ENOENT;
  if (x->task) return task_cancel(l, f);
  if ((x->kind == LS_FK_GATHER || x->kind == LS_FK_OTHER) && l->cfg.cancel && x->state == 0)
    return l->cfg.cancel(l, l->cfg.host, f);
  if (x->state != LS_FUT_PENDING) return 0;
  fut_resolve(l, f, LS_OUT_CANCELLED, 0);
  return 1;
}

int fut_add_callback(ls_loop *l, ls_id f, loop_cb cb, void *ud, uint64_t arg, int64_t label) {
  fut *x = get(l, f);
  if (!x) return LS_ENOENT;
  fcb c = {cb, ud, arg, label, cb ? 0 : (ls_id)arg, 0};
  if (x->state != LS_FUT_PENDING) {
    schedule_cb(l, &c, f);
    return LS_OK;
  }
  uint32_t i = l->fcb_free;
  if (i) {
    l->fcb_free = l->fcbs[i].next;
  } else {
    if (ls_grow((void **)&l->fcbs, &l->capfcbs, l->nfcbs + 2, sizeof(fcb))) return LS_ENOMEM;
    i = (uint32_t)++l->nfcbs;
    x = get(l, f); /* futs did not move, but keep the pattern obvious */
  }
  l->fcbs[i] = c;
  if (x->cb_tail)
    l->fcbs[x->cb_tail].next = i;
  else
    x->cb_head = i;
  x->cb_tail = i;
  return LS_OK;
}

int fut_remove_callback(ls_loop *l, ls_id f, loop_cb cb, void *ud, uint64_t arg) {
  fut *x = get(l, f);
  if (!x) return LS_ENOENT;
  int n = 0;
  uint32_t prev = 0, i = x->cb_head;
  while (i) {
    uint32_t next = l->fcbs[i].next;
    fcb *c = &l->fcbs[i];
    if (c->cb == cb && c->ud == ud && c->arg == arg) {
      if (prev)
        l->fcbs[prev].next = next;
      else
        x->cb_head = next;
      if (x->cb_tail == i) x->cb_tail = prev;
      c->next = l->fcb_free;
      l->fcb_free = i;
      n++;
    } else {
      prev = i;
    }
    i = next;
  }
  return n;
}

void fut_set_retrieved(ls_loop *l, ls_id f) {
  fut *x = get(l, f);
  if (x) x->retrieved = 1;
}

int fut_retrieved(const ls_loop *l, ls_id f) {
  fut *x = get(l, f);
  return x ? x->retrieved : 0;
}

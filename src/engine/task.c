/* task.c -- tasks drive a host coroutine step by step, as asyncio.Task.__step does. */
#include "loop_int.h"

ls_id task_new(ls_loop *l, void *ud, int64_t name, int32_t line) {
  if (ls_grow((void **)&l->tasks, &l->captasks, l->ntasks + 1, sizeof(task))) return 0;
  ls_id id = fut_new(l, LS_FK_TASK);
  if (!id) return 0;
  uint32_t ix = (uint32_t)l->ntasks++;
  l->futs[id].task = ix + 1;
  l->tasks[ix] = (task){.id = id, .ud = ud, .name = name, .line = line, .prev = l->alive_tail};
  if (l->alive_tail)
    l->tasks[l->alive_tail - 1].next = ix + 1;
  else
    l->alive_head = ix + 1;
  l->alive_tail = ix + 1;
  l->nalive++;
  loop_rec(l, LS_EV_TASK_NEW, 0, id, l->current, line, name);
  handle h = {.kind = LS_H_STEP, .task = id};
  if (loop_push(l, &h)) return 0;
  return id;
}

static void unlink_alive(ls_loop *l, task *k) {
  uint32_t ix = l->futs[k->id].task;
  if (k->prev)
    l->tasks[k->prev - 1].next = k->next;
  else if (l->alive_head == ix)
    l->alive_head = k->next;
  if (k->next)
    l->tasks[k->next - 1].prev = k->prev;
  else if (l->alive_tail == ix)
    l->alive_tail = k->prev;
  k->prev = k->next = 0;
  l->nalive--;
}

/* The task now waits on f; a cancellation asked for during the step is passed on to f. */
static void wait_on(ls_loop *l, ls_id t, ls_id f) {
  task *k = task_get(l, t);
  k->waiter = f;
  if (fut_add_callback(l, f, NULL, NULL, t, 0)) loop_fail(l);
  if (k->must_cancel && fut_cancel(l, f) == 1) task_get(l, t)->must_cancel = 0;
}

/* What a step that did not simply yield asks for: a sleep, an await, or the task's end. */
void task_step_end(ls_loop *l, ls_id t, const ls_step_out *o) {
  ls_step_out out = *o;
  task *k = task_get(l, t);
  switch (out.kind) {
  case LS_STEP_SLEEP: {
    ls_time when = clock_now(l->cfg.clock) + (out.delay > 0 ? out.delay : 0);
    ls_id f = fut_new(l, LS_FK_SLEEP);
    ls_id tm = f ? timer_arm(l, when, NULL, NULL, 0, 0, f, out.line) : 0;
    if (!tm) {
      loop_fail(l);
      break;
    }
    l->futs[f].timer = tm;
    loop_rec(l, LS_EV_SUSPEND, LS_WAIT_SLEEP, t, f, out.line, when - l->t0);
    wait_on(l, t, f);
    break;
  }
  case LS_STEP_AWAIT: {
    ls_id f = out.obj;
    int st = fut_state(l, f);
    int fk = fut_kind(l, f);
    int wk = fk == LS_FK_TASK ? LS_WAIT_TASK : fk == LS_FK_GATHER ? LS_WAIT_GATHER : LS_WAIT_FUTURE;
    loop_rec(l, LS_EV_SUSPEND, wk, t, f, out.line, 0);
    if (st < 0) {
      loop_fail(l);
    } else if (st != LS_FUT_PENDING) {
      handle h = {.kind = LS_H_WAKEUP, .task = t, .obj = f};
      if (loop_push(l, &h)) loop_fail(l);
    } else {
      wait_on(l, t, f);
    }
    break;
  }
  default: {
    ls_outcome how2 = out.kind == LS_STEP_RESULT  ? LS_OUT_RESULT
                      : out.kind == LS_STEP_ERROR ? LS_OUT_ERROR
                                                  : LS_OUT_CANCELLED;
    /* Cancelled during the step that returned: Task.__step cancels instead of a result. */
    if (how2 == LS_OUT_RESULT && k->must_cancel) {
      how2 = LS_OUT_CANCELLED;
      k->must_cancel = 0;
    }
    k->done = 1;
    unlink_alive(l, k);
    loop_rec(l, LS_EV_TASK_DONE, how2, t, 0, out.line, out.text);
    fut_resolve(l, t, how2, out.text);
    break;
  }
  }
}

void task_run_step(ls_loop *l, ls_id t, ls_resume how) {
  task_step(l, t, how);
}

void task_wakeup(ls_loop *l, ls_id t, ls_id f) {
  task_wake(l, t, f);
}

int task_is(const ls_loop *l, ls_id t) {
  return task_get(l, t) != NULL;
}

int task_cancel(ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  if (!k || k->done) return 0;
  loop_rec(l, LS_EV_CANCEL_REQ, 0, l->current, t, 0, 0);
  if (k->waiter && fut_cancel(l, k->waiter) == 1) return 1;
  task_get(l, t)->must_cancel = 1;
  return 1;
}

int task_cancelling(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return k ? k->must_cancel : 0;
}

void *task_ud(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return k ? k->ud : NULL;
}

void task_set_ud(ls_loop *l, ls_id t, void *ud) {
  task *k = task_get(l, t);
  if (k) k->ud = ud;
}

int64_t task_name(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return k ? k->name : 0;
}

void task_set_name(ls_loop *l, ls_id t, int64_t name) {
  task *k = task_get(l, t);
  if (!k) return;
  k->name = name;
  loop_rec(l, LS_EV_TASK_RENAME, 0, t, 0, 0, name);
}

ls_id task_waiting_on(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return k ? k->waiter : 0;
}

int task_started(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return k ? k->started : 0;
}

int32_t task_line(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return k ? k->line : 0;
}

ls_id loop_current_task(const ls_loop *l) {
  return l->current;
}

ls_id task_first_alive(const ls_loop *l) {
  return l->alive_head ? l->tasks[l->alive_head - 1].id : 0;
}

ls_id task_next_alive(const ls_loop *l, ls_id t) {
  task *k = task_get(l, t);
  return (k && k->next) ? l->tasks[k->next - 1].id : 0;
}

size_t task_alive_count(const ls_loop *l) {
  return l->nalive;
}

/* fixture.c -- the loop fixture and the scripted task the engine tests drive. */
#include <stdarg.h>
#include <stdio.h>

#include "test.h"

static void slow_hook(ls_loop *l, void *host, ls_id task, ls_time took) {
  env *e = host;
  if (e->nslow < (int)(sizeof e->slow / sizeof e->slow[0]))
    e->slow[e->nslow] = (slow_report){task, took};
  e->nslow++;
}

void env_init(env *e) {
  memset(e, 0, sizeof *e);
  clock_init(&e->clock, LS_CLOCK_VIRTUAL);
  e->trace = trace_new();
  ASSERT(e->trace != NULL);
  e->cfg = (ls_loop_config){
      .clock = &e->clock, .trace = e->trace, .step = script_step, .host = e, .slow = slow_hook};
}

void env_start(env *e) {
  e->loop = loop_new(&e->cfg);
  ASSERT(e->loop != NULL);
  ASSERT_PTR_EQ(loop_host(e->loop), e);
}

void env_open(env *e) {
  env_init(e);
  env_start(e);
}

void env_close(env *e) {
  loop_free(e->loop);
  trace_free(e->trace);
  e->loop = NULL;
  e->trace = NULL;
}

void env_log(env *e, const char *fmt, ...) {
  char word[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(word, sizeof word, fmt, ap);
  va_end(ap);
  ASSERT(n >= 0 && (size_t)n < sizeof word);
  /* A log that overflows would make a comparison pass or fail for the wrong reason. */
  if (e->loglen + (size_t)n + 2 > sizeof e->log) test_fail(__FILE__, __LINE__, "log overflow");
  if (e->loglen) e->log[e->loglen++] = ' ';
  memcpy(e->log + e->loglen, word, (size_t)n + 1);
  e->loglen += (size_t)n;
}

void log_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  env_log(loop_host(l), "%s", (const char *)ud);
}

void soon_log(env *e, const char *word) {
  ASSERT_EQ(loop_call_soon(e->loop, log_cb, (void *)word, 0, 0), 0);
}

void script_init(script *s, env *e, const char *name, const op *ops, int nops) {
  memset(s, 0, sizeof *s);
  ASSERT(nops <= MAX_OPS);
  s->e = e;
  s->name = name;
  memcpy(s->ops, ops, (size_t)nops * sizeof *ops);
  s->nops = nops;
}

ls_id script_spawn(script *s) {
  int64_t name = trace_intern(s->e->trace, s->name, strlen(s->name));
  ASSERT(name > 0);
  s->id = task_new(s->e->loop, s, name, 1);
  ASSERT(s->id != 0);
  return s->id;
}

void script_step(ls_loop *l, ls_id task, void *task_ud, ls_resume how, ls_step_out *out) {
  script *s = task_ud;
  ASSERT_EQ(task, s->id);
  int n = s->nsteps++;
  if (n < MAX_STEPS) {
    s->how[n] = how;
    s->at[n] = loop_time(l);
    s->current[n] = loop_current_task(l);
    s->waiting[n] = task_waiting_on(l, task);
  }
  if (!s->quiet) env_log(s->e, "%s%d%s", s->name, n + 1, how == LS_RESUME_CANCEL ? "!" : "");
  if (s->hook) s->hook(s, l, n);
  out->line = 10 + n;
  out->text = 0;

  if (how == LS_RESUME_CANCEL) {
    out->kind = LS_STEP_CANCELLED;
    return;
  }
  if (s->awaiting) { /* what `await` does with the outcome it was woken for */
    int st = fut_state(l, s->awaiting);
    ASSERT_EQ(how, LS_RESUME_WAKE);
    ASSERT_NE(st, LS_FUT_PENDING);
    ASSERT_NE(st, LS_FUT_CANCELLED); /* that must come as LS_RESUME_CANCEL */
    s->awaiting = 0;
    if (st == LS_FUT_ERROR) {
      out->kind = LS_STEP_ERROR;
      return;
    }
  }
  if (s->pc == s->nops) {
    if (!s->forever) {
      out->kind = LS_STEP_RESULT;
      return;
    }
    s->pc = 0;
  }
  op o = s->ops[s->pc++];
  switch (o.kind) {
  case OP_YIELD:
    out->kind = LS_STEP_YIELD;
    break;
  case OP_SLEEP:
    out->kind = LS_STEP_SLEEP;
    out->delay = o.delay;
    break;
  case OP_AWAIT:
    out->kind = LS_STEP_AWAIT;
    out->obj = o.fut;
    s->awaiting = o.fut;
    break;
  case OP_RETURN:
    out->kind = LS_STEP_RESULT;
    break;
  case OP_RAISE:
    out->kind = LS_STEP_ERROR;
    break;
  }
}

void run_iter(env *e, ls_run_mode mode) {
  ASSERT_EQ(loop_run(e->loop, mode), 0);
}

size_t count_kind(const ls_trace *tr, ls_event_kind kind) {
  size_t n = 0;
  for (size_t i = 0; i < trace_count(tr); i++)
    n += trace_get(tr, i)->kind == kind;
  return n;
}

const ls_trace_rec *last_kind(const ls_trace *tr, ls_event_kind kind) {
  for (size_t i = trace_count(tr); i-- > 0;)
    if (trace_get(tr, i)->kind == kind) return trace_get(tr, i);
  return NULL;
}

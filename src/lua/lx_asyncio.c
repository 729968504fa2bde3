/* lx_asyncio.c -- the asyncio table and the loop object: run, gather, create_task, ...
 * gather lives here, above the engine, as it lives above the loop in CPython. */
#include <stdlib.h>
#include <string.h>

#include "lx_int.h"

static int new_ref_table(lua_State *L) {
  lua_newtable(L);
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

lx_loop *lx_loop_new(lua_State *L, const char *name) {
  lx_rt *rt = lx_get(L);
  if (rt->nloops >= LX_MAXLOOPS) {
    lx_raise(L, "RuntimeError", "too many event loops (%d)", LX_MAXLOOPS);
    return NULL;
  }
  lx_loop *lp = calloc(1, sizeof *lp);
  if (!lp) goto fail;
  lp->rt = rt;
  lp->trace = trace_new();
  char buf[32];
  if (!name) {
    snprintf(buf, sizeof buf, "loop %u", rt->nloops + 1);
    name = buf;
  }
  lp->name = lx_strdup(name);
  if (!lp->trace || !lp->name) goto fail;
  ls_loop_config cfg = {
      .clock = &rt->clock,
      .trace = lp->trace,
      .step = lx_step,
      .host = lp,
      .cancel = lx_gather_cancel,
      .idle = lx_io_idle,
      .name = trace_intern(lp->trace, name, strlen(name)),
      .max_time = rt->opt.clock == LS_CLOCK_VIRTUAL ? LS_FROM_SEC(rt->opt.max_time) : 0,
      .max_handles = rt->opt.max_handles,
  };
  extern void lx_slow(ls_loop * l, void *host, ls_id task, ls_time took);
  cfg.slow = lx_slow;
  lp->loop = loop_new(&cfg);
  if (!lp->loop) goto fail;
  lp->debug = rt->opt.debug;
  if (lp->debug) loop_set_debug(lp->loop, LS_SEC / 10);
  lp->objs = new_ref_table(L);
  lp->vals = new_ref_table(L);
  lp->cbs = new_ref_table(L);
  lp->serial = ++rt->nloops;
  rt->loops[lp->serial - 1] = lp;
  lx_log(rt, 10, "asyncio", "Using selector: EpollSelector");
  return lp;
fail:
  if (lp) {
    trace_free(lp->trace);
    free(lp->name);
    free(lp);
  }
  lx_raise(L, "MemoryError", "out of memory making an event loop");
  return NULL;
}

/* ---- the loop object ---- */

typedef struct lx_loopref {
  uint32_t serial;
} lx_loopref;

void lx_push_loop(lua_State *L, lx_loop *lp) {
  lx_loopref *r = lua_newuserdatauv(L, sizeof *r, 0);
  r->serial = lp->serial;
  luaL_setmetatable(L, LX_LOOP);
}

static lx_loop *check_loop(lua_State *L, int idx) {
  lx_loopref *r = luaL_checkudata(L, idx, LX_LOOP);
  return lx_get(L)->loops[r->serial - 1];
}

lx_loop *lx_running(lua_State *L, const char *what) {
  lx_rt *rt = lx_get(L);
  if (!rt->running) {
    lx_raise(L, "RuntimeError", "no running event loop%s%s", what ? ": " : "", what ? what : "");
    return NULL;
  }
  return rt->running;
}

/* The loop a call without a running loop falls back on (Future(), gather()). */
static lx_loop *any_loop(lua_State *L) {
  lx_rt *rt = lx_get(L);
  if (rt->running) return rt->running;
  if (rt->current && !rt->current->closed) return rt->current;
  return lx_running(L, NULL);
}

/* Debug mode: a step that held the loop too long, reported as asyncio does. */
void lx_slow(ls_loop *l, void *host, ls_id task, ls_time took) {
  lx_loop *lp = host;
  lua_State *L = lp->rt->L;
  const char *what;
  if (task) {
    what = lx_fut_repr(L, lp, task);
  } else {
    lua_pushliteral(L, "<Handle callback>");
    what = lua_tostring(L, -1);
  }
  char secs[32]; /* lua_pushfstring knows no precision: "%.3f" would raise */
  snprintf(secs, sizeof secs, "%.3f", (double)took / 1e9);
  lua_pushfstring(L, "Executing %s took %s seconds", what, secs);
  const char *msg = lua_tostring(L, -1);
  lx_log(lp->rt, 30, "asyncio", msg);
  loop_note(l, LS_EV_WARN, 2, task, 0, trace_intern(lp->trace, msg, strlen(msg)));
  lua_pop(L, 2);
}

/* ---- gather ---- */

typedef struct gather {
  uint32_t n, nuniq, nfinished; /* children (an argument given twice is one child twice) */
  uint8_t return_exceptions, cancel_requested;
  ls_id outer;
  ls_id child[];
} gather;

static gather *get_gather(lua_State *L, lx_loop *lp, ls_id outer) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->objs);
  lua_rawgeti(L, -1, -(lua_Integer)outer);
  gather *g = lua_touserdata(L, -1);
  lua_pop(L, 2);
  return g;
}

static void drop_gather(lua_State *L, lx_loop *lp, ls_id outer) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->objs);
  lua_pushnil(L);
  lua_rawseti(L, -2, -(lua_Integer)outer);
  lua_pop(L, 1);
}

static void resolve_error(lua_State *L, lx_loop *lp, ls_id f) {
  int64_t text = 0;
  lua_pushvalue(L, -1);
  const char *s = lx_describe_error(L, -1);
  text = trace_intern(lp->trace, s, strlen(s));
  lua_pop(L, 2);
  lx_set_value(L, lp, f, -1);
  lua_pop(L, 1);
  fut_resolve(lp->loop, f, LS_OUT_ERROR, text);
}

/* The CancelledError a return_exceptions gather lists for a cancelled child:
 * CancelledError('' if fut._cancel_message is None else fut._cancel_message). A task's own
 * _cancel_message is None by then (Task.__step cancels itself without one), so only a plain
 * Future's cancel(msg) shows. */
static void push_listed_cancelled(lua_State *L, lx_loop *lp, ls_id child) {
  lx_push_value(L, lp, child);
  lua_pushliteral(L, "");
  if (!task_is(lp->loop, child) && lx_is_error_type(L, -2, "CancelledError")) {
    lua_getfield(L, -2, "message");
    if (lua_isstring(L, -1))
      lua_replace(L, -2);
    else
      lua_pop(L, 1);
  }
  lx_new_error(L, "CancelledError", lua_tostring(L, -1));
  lua_pushvalue(L, -2); /* given, so its repr is CancelledError('') even when empty */
  lua_setfield(L, -2, "value");
  lua_replace(L, -3);
  lua_pop(L, 1);
}

/* _GatheringFuture's _done_callback. */
static void gather_done(ls_loop *l, void *ud, uint64_t outer, ls_id child) {
  lx_loop *lp = ud;
  lua_State *L = lp->rt->L;
  gather *g = get_gather(L, lp, (ls_id)outer);
  if (!g) return;
  g->nfinished++;
  int cst = fut_state(l, child);
  if (fut_state(l, (ls_id)outer) != LS_FUT_PENDING) {
    if (cst != LS_FUT_CANCELLED) fut_set_retrieved(l, child); /* fut.exception() */
    if (g->nfinished == g->nuniq) drop_gather(L, lp, (ls_id)outer);
    return;
  }
  if (!g->return_exceptions) {
    if (cst == LS_FUT_CANCELLED) {
      lx_push_cancelled(L, lp, child);
      lua_pushvalue(L, -1);
      resolve_error(L, lp, (ls_id)outer);
      return;
    }
    if (cst == LS_FUT_ERROR) {
      fut_set_retrieved(l, child);
      lx_push_value(L, lp, child);
      lua_pushvalue(L, -1);
      resolve_error(L, lp, (ls_id)outer);
      return;
    }
  }
  if (g->nfinished < g->nuniq) return;
  lua_createtable(L, (int)g->n, 1);
  for (uint32_t i = 0; i < g->n; i++) {
    int st = fut_state(l, g->child[i]);
    if (st == LS_FUT_CANCELLED)
      push_listed_cancelled(L, lp, g->child[i]);
    else
      lx_push_value(L, lp, g->child[i]);
    if (st == LS_FUT_ERROR) fut_set_retrieved(l, g->child[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushinteger(L, g->n);
  lua_setfield(L, -2, "n");
  if (g->cancel_requested) {
    lua_pop(L, 1);
    lx_push_cancelled(L, lp, child);
    lua_pushvalue(L, -1);
    resolve_error(L, lp, (ls_id)outer);
  } else {
    lx_set_value(L, lp, (ls_id)outer, -1);
    lua_pop(L, 1);
    char buf[48];
    snprintf(buf, sizeof buf, "list of %u results", g->n);
    fut_resolve(l, (ls_id)outer, LS_OUT_RESULT, trace_intern(lp->trace, buf, strlen(buf)));
  }
  drop_gather(L, lp, (ls_id)outer);
}

/* Future.cancel for host-kind futures: a gathering future cancels its children. */
int lx_gather_cancel(ls_loop *l, void *host, ls_id f) {
  lx_loop *lp = host;
  gather *g = get_gather(lp->rt->L, lp, f);
  if (!g) {
    fut_resolve(l, f, LS_OUT_CANCELLED, 0);
    return 1;
  }
  /* _GatheringFuture.cancel(msg): each child is cancelled with the gather's message */
  lua_State *L = lp->rt->L;
  lx_push_value(L, lp, f);
  if (!lx_is_error_type(L, -1, "CancelledError")) {
    lua_pop(L, 1);
    lua_pushnil(L);
  }
  int ret = 0;
  for (uint32_t i = 0; i < g->n; i++) {
    lx_cancel_with(L, lp, g->child[i]);
    if (fut_cancel(l, g->child[i]) == 1) ret = 1;
  }
  lua_pop(L, 1);
  if (ret) g->cancel_requested = 1;
  return ret;
}

/* Builds a gathering future over the futures/coroutines at [first, last]; pushes it. */
static ls_id make_gather(lua_State *L, lx_loop *lp, int first, int last, int return_exceptions) {
  uint32_t n = last >= first ? (uint32_t)(last - first + 1) : 0;
  ls_id outer = fut_new(lp->loop, n ? LS_FK_GATHER : LS_FK_FUTURE);
  if (!outer) return (ls_id)lx_raise(L, "MemoryError", "out of memory");
  if (n == 0) {
    lua_newtable(L);
    lx_set_value(L, lp, outer, -1);
    lua_pop(L, 1);
    fut_resolve(lp->loop, outer, LS_OUT_RESULT, 0);
    lx_push_handle(L, lp, outer);
    return outer;
  }
  gather *g = lua_newuserdatauv(L, sizeof *g + n * sizeof(ls_id), 0);
  memset(g, 0, sizeof *g);
  g->return_exceptions = (uint8_t)return_exceptions;
  g->outer = outer;
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->objs);
  lua_pushvalue(L, -2);
  lua_rawseti(L, -2, -(lua_Integer)outer);
  lua_pop(L, 2);
  static const char label[] = "gather: child done";
  int64_t lab = trace_intern(lp->trace, label, sizeof label - 1);
  ls_id first_new = 0; /* the first task this gather made: ids only grow */
  for (int i = first; i <= last; i++) {
    ls_id id = 0;
    lx_coro *c = lx_tocoro(L, i);
    if (c && c->consumed && first_new && c->task >= first_new) { /* given twice: arg_to_fut */
      g->child[g->n++] = c->task;
      continue;
    }
    lx_fut *f = lx_tofut(L, i);
    if (f) {
      if (lx_fut_loop(L, f) != lp)
        return (ls_id)lx_raise(L, "ValueError", "futures are tied to different event loops");
      id = f->id;
    } else if (lx_is_coro(L, i)) {
      id = lx_spawn(L, lp, i, NULL);
      lua_pop(L, 1);
      if (!first_new) first_new = id;
    } else {
      return (ls_id)lx_raise(L, "TypeError",
                             "An asyncio.Future, a coroutine or an awaitable is required");
    }
    g->child[g->n++] = id;
    g->nuniq++;
  }
  for (uint32_t i = 0; i < g->n; i++) {
    if (g->n != g->nuniq) { /* one done callback per child */
      int seen = 0;
      for (uint32_t j = 0; j < i && !seen; j++) seen = g->child[j] == g->child[i];
      if (seen) continue;
    }
    if (fut_add_callback(lp->loop, g->child[i], gather_done, lp, outer, lab))
      return (ls_id)lx_raise(L, "MemoryError", "out of memory");
    /* the window draws each child's arrow into its gather from these, tasks made before
     * the gather included */
    loop_note(lp->loop, LS_EV_GATHER_CHILD, 0, outer, 0, (int64_t)g->child[i]);
  }
  lx_push_handle(L, lp, outer);
  return outer;
}

static int l_gather(lua_State *L) {
  int top = lua_gettop(L);
  int return_exceptions = 0;
  if (top > 0 && lua_type(L, top) == LUA_TTABLE && !lx_tofut(L, top)) {
    lua_getfield(L, top, "return_exceptions");
    return_exceptions = lua_toboolean(L, -1);
    lua_pop(L, 1);
    top--;
  }
  lx_loop *lp = any_loop(L);
  make_gather(L, lp, 1, top, return_exceptions);
  return 1;
}

/* ---- running a loop ---- */

static const char *wait_desc(lua_State *L, lx_loop *lp, ls_id t) {
  ls_id w = task_waiting_on(lp->loop, t);
  if (!w) {
    lua_pushliteral(L, "nothing (ready)");
  } else if (task_is(lp->loop, w)) {
    lua_pushfstring(L, "task '%s'", trace_str(lp->trace, task_name(lp->loop, w)));
  } else if (fut_kind(lp->loop, w) == LS_FK_GATHER) {
    lua_pushfstring(L, "gather (future #%d)", (int)w);
  } else {
    /* the innermost coroutine it awaits inline names the wait: Queue.get(), Lock.acquire() */
    lua_State *co = task_ud(lp->loop, t);
    const char *in = NULL;
    for (int lvl = 0; co && !in && lvl < 64; lvl++) in = lx_awaited_name(co, lvl);
    lx_push_handle(L, lp, t); /* else the task's own coroutine */
    lua_getiuservalue(L, -1, 2);
    if (!in) in = lua_tostring(L, -1);
    if (in)
      lua_pushfstring(L, "Future #%d in %s()", (int)w, in);
    else
      lua_pushfstring(L, "Future #%d", (int)w);
    lua_replace(L, -3);
    lua_pop(L, 1);
  }
  return lua_tostring(L, -1);
}

/* Turns a loop's failure into a Lua error that says what happened. */
static int loop_error(lua_State *L, lx_loop *lp, int rc) {
  lx_rt *rt = lp->rt;
  if (rc == LS_EDEADLOCK) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "deadlock: every task waits on something that can never complete");
    for (ls_id t = task_first_alive(lp->loop); t; t = task_next_alive(lp->loop, t)) {
      lua_pushfstring(L, "\n  task '%s' waits on ", trace_str(lp->trace, task_name(lp->loop, t)));
      luaL_addvalue(&b);
      wait_desc(L, lp, t);
      luaL_addvalue(&b);
      lua_pushfstring(L, " at %s:%d", rt->chunkname, (int)task_line(lp->loop, t));
      luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    return lx_raise(L, "RuntimeError", "%s", lua_tostring(L, -1));
  }
  if (rc == LS_ETIMELIMIT)
    return lx_raise(L, "RuntimeError",
                    "the run went past its clock-time limit of %.0f s: does a task loop forever?",
                    rt->opt.max_time);
  if (rc == LS_ESTEPLIMIT)
    return lx_raise(L, "RuntimeError",
                    "the run went past its limit of %lu steps: does a task loop forever?",
                    rt->opt.max_handles);
  return lx_raise(L, "RuntimeError", "the event loop failed: %s", ls_strerror(rc));
}

static int run_until(lua_State *L, lx_loop *lp, ls_id f) {
  lx_rt *rt = lp->rt;
  rt->running = lp;
  lp->running = 1;
  lua_State *prev = lx_wd_enter(rt->wd, NULL); /* waiting for timers is not a runaway */
  int rc = loop_run_until_done(lp->loop, f);
  lx_wd_leave(rt->wd, NULL, prev);
  rt->running = NULL;
  lp->running = 0;
  (void)L;
  return rc;
}

/* Reports what asyncio reports when a loop is dropped, and seals its trace. */
/* What asyncio's default exception handler logs for a failed future: the headline, `key:
 * <repr>`, then the traceback. */
static void report_error(lua_State *L, lx_loop *lp, ls_id id, const char *headline,
                         const char *key) {
  lx_fut_repr(L, lp, id);
  lx_push_value(L, lp, id);
  if (lua_type(L, -1) == LUA_TTABLE) {
    lua_getfield(L, -1, "traceback");
  } else if (!lua_isnil(L, -1)) {
    lua_getfield(L, LUA_REGISTRYINDEX, "loopscope.tbs");
    lua_pushvalue(L, -2);
    lua_rawget(L, -2);
    lua_remove(L, -2);
  } else {
    lua_pushnil(L);
  }
  const char *tb = lua_tostring(L, -1);
  const char *desc = lx_describe_error(L, -2);
  lx_emit_errf(lp->rt, "%s\n%s: %s\n%s%s%s\n", headline, key, lua_tostring(L, -4),
               tb ? "Traceback (most recent call last):\n" : "", tb ? tb : "", desc);
  loop_note(lp->loop, LS_EV_WARN, 3, id, 0, trace_intern(lp->trace, desc, strlen(desc)));
  lua_pop(L, 4);
}

static void finish_loop(lua_State *L, lx_loop *lp, int rc) {
  if (lp->closed) return;
  lx_rt *rt = lp->rt;
  lua_gc(L, LUA_GCCOLLECT);
  lx_flush_pending(rt, lp);
  /* closed with tasks still pending (loop:close() after run_until_complete): Python says so
   * when it collects them, Task.__del__ */
  for (ls_id t = rc ? 0 : task_first_alive(lp->loop); t; t = task_next_alive(lp->loop, t)) {
    lx_fut_repr(L, lp, t);
    lx_emit_errf(rt, "Task was destroyed but it is pending!\ntask: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  for (ls_id id = 1; id <= fut_count(lp->loop); id++) {
    int k = fut_kind(lp->loop, id); /* tasks, and the futures a lesson can hold */
    if ((k != LS_FK_TASK && k != LS_FK_FUTURE && k != LS_FK_GATHER) ||
        fut_state(lp->loop, id) != LS_FUT_ERROR || fut_retrieved(lp->loop, id))
      continue;
    report_error(L, lp, id,
                 k == LS_FK_TASK ? "Task exception was never retrieved"
                                 : "Future exception was never retrieved",
                 "future");
  }
  lp->status = rc;
  lp->total = LS_TO_SEC(loop_time(lp->loop));
  loop_end_trace(lp->loop, rc);
  loop_close(lp->loop);
  lp->closed = 1;
  if (rt->current == lp) rt->current = NULL;
}

/* asyncio.run's ending: cancel what is left, wait for it, then the shutdown iterations. */
static int shutdown(lua_State *L, lx_loop *lp) {
  int n = 0;
  for (ls_id t = task_first_alive(lp->loop); t; t = task_next_alive(lp->loop, t)) n++;
  int rc = 0;
  if (n) {
    lua_checkstack(L, n + 4);
    int first = lua_gettop(L) + 1;
    for (ls_id t = task_first_alive(lp->loop); t; t = task_next_alive(lp->loop, t))
      lx_push_handle(L, lp, t);
    for (int i = 0; i < n; i++) task_cancel(lp->loop, lx_tofut(L, first + i)->id);
    ls_id g = make_gather(L, lp, first, first + n - 1, 1);
    rc = run_until(L, lp, g);
    /* _cancel_all_tasks: a leftover that failed instead of being cancelled is reported */
    for (int i = 0; i < n && !rc; i++) {
      ls_id t = lx_tofut(L, first + i)->id;
      if (fut_state(lp->loop, t) != LS_FUT_ERROR) continue;
      fut_set_retrieved(lp->loop, t);
      report_error(L, lp, t, "unhandled exception during asyncio.run() shutdown", "task");
    }
    lua_settop(L, first - 1);
  }
  /* shutdown_asyncgens and shutdown_default_executor each run the loop twice */
  lx_rt *rt = lp->rt;
  rt->running = lp;
  lp->running = 1;
  for (int i = 0; i < 4 && !rc; i++) rc = loop_run(lp->loop, LS_RUN_NOWAIT);
  rt->running = NULL;
  lp->running = 0;
  return rc;
}

static int l_run(lua_State *L) {
  lx_rt *rt = lx_get(L);
  if (rt->running)
    return lx_raise(L, "RuntimeError", "asyncio.run() cannot be called from a running event loop");
  if (!lx_is_coro(L, 1))
    return lx_raise(L, "ValueError", "a coroutine was expected, got %s",
                    lua_type(L, 1) == LUA_TNONE ? "nothing" : luaL_typename(L, 1));
  int debug = rt->opt.debug;
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_getfield(L, 2, "debug");
    if (!lua_isnil(L, -1)) debug = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  lua_settop(L, 1);
  lx_loop *lp = lx_loop_new(L, rt->next_run_name ? rt->next_run_name : "main");
  rt->next_run_name = NULL;
  rt->ran_loop = 1;
  lp->debug = debug;
  loop_set_debug(lp->loop, debug ? LS_SEC / 10 : 0);
  rt->current = lp;
  ls_id main = lx_spawn(L, lp, 1, NULL);
  lua_pop(L, 1);
  int rc = run_until(L, lp, main);
  fut_set_retrieved(lp->loop, main); /* run() hands its outcome to the caller */
  int rc2 = rc ? 0 : shutdown(L, lp);
  finish_loop(L, lp, rc ? rc : rc2);
  if (rc) return loop_error(L, lp, rc);
  return lx_fut_outcome(L, lp, main);
}

static int l_create_task(lua_State *L) {
  lx_loop *lp = lx_running(L, NULL);
  const char *name = NULL;
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_getfield(L, 2, "name");
    name = lua_tostring(L, -1);
  }
  lx_spawn(L, lp, 1, name);
  return 1;
}

static int l_future(lua_State *L) {
  lx_loop *lp = any_loop(L);
  ls_id id = fut_new(lp->loop, LS_FK_FUTURE);
  if (!id) return lx_raise(L, "MemoryError", "out of memory");
  lx_push_handle(L, lp, id);
  return 1;
}

/* asyncio.Future() and asyncio.Task(coro) called through their class tables. */
static int l_future_class(lua_State *L) {
  lua_remove(L, 1);
  return l_future(L);
}

static int l_task_class(lua_State *L) {
  lua_remove(L, 1);
  return l_create_task(L);
}

static int l_current_task(lua_State *L) {
  lx_loop *lp = lx_running(L, NULL);
  ls_id t = loop_current_task(lp->loop);
  if (t)
    lx_push_handle(L, lp, t);
  else
    lua_pushnil(L);
  return 1;
}

static int l_all_tasks(lua_State *L) {
  lx_loop *lp = lx_running(L, NULL);
  lua_createtable(L, (int)task_alive_count(lp->loop), 0);
  lua_Integer i = 1;
  for (ls_id t = task_first_alive(lp->loop); t; t = task_next_alive(lp->loop, t)) {
    lx_push_handle(L, lp, t);
    lua_rawseti(L, -2, i++);
  }
  return 1;
}

static int l_get_event_loop(lua_State *L) {
  lx_rt *rt = lx_get(L);
  if (rt->running) {
    lx_push_loop(L, rt->running);
    return 1;
  }
  if (!rt->current || rt->current->closed) {
    lua_Debug ar;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) line = ar.currentline;
    lx_emit_errf(rt, "%s:%d: DeprecationWarning: There is no current event loop\n",
                 rt->chunkname, line);
    rt->current = lx_loop_new(L, NULL);
  }
  lx_push_loop(L, rt->current);
  return 1;
}

static int l_get_running_loop(lua_State *L) {
  lx_push_loop(L, lx_running(L, NULL));
  return 1;
}

static int l_new_event_loop(lua_State *L) {
  lx_push_loop(L, lx_loop_new(L, NULL));
  return 1;
}

static int l_set_event_loop(lua_State *L) {
  lx_rt *rt = lx_get(L);
  rt->current = lua_isnil(L, 1) ? NULL : check_loop(L, 1);
  return 0;
}

/* ---- loop methods ---- */

static int lp_time(lua_State *L) {
  check_loop(L, 1);
  lua_pushnumber(L, LS_TO_SEC(clock_now(&lx_get(L)->clock)));
  return 1;
}

static int cb_cancel(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_pushboolean(L, 1);
  lua_setfield(L, 1, "cancelled");
  if (lua_getfield(L, 1, "timer") == LUA_TNUMBER && lua_getfield(L, 1, "loop") == LUA_TNUMBER) {
    lx_loop *lp = lx_get(L)->loops[lua_tointeger(L, -1) - 1];
    loop_timer_cancel(lp->loop, (ls_id)lua_tointeger(L, -2));
  }
  return 0;
}

/* A callback record {fn, args..., n}; returned to Lua as a Handle with :cancel(). */
static int make_cb(lua_State *L, lx_loop *lp, int fn, int nargs) {
  luaL_checktype(L, fn, LUA_TFUNCTION);
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
  lua_createtable(L, nargs + 1, 3);
  for (int i = 0; i <= nargs; i++) {
    lua_pushvalue(L, fn + i);
    lua_rawseti(L, -2, i + 1);
  }
  lua_pushinteger(L, nargs);
  lua_setfield(L, -2, "n");
  lua_pushinteger(L, lp->serial);
  lua_setfield(L, -2, "loop");
  lua_newtable(L);
  lua_pushcfunction(L, cb_cancel);
  lua_setfield(L, -2, "cancel");
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  int ref = luaL_ref(L, -3);
  lua_remove(L, -2);
  return ref;
}

static int64_t cb_label(lua_State *L, lx_loop *lp, int fn) {
  lua_Debug ar;
  lua_pushvalue(L, fn);
  lua_getinfo(L, ">S", &ar);
  char buf[96];
  snprintf(buf, sizeof buf, "callback (line %d)", ar.linedefined);
  return trace_intern(lp->trace, buf, strlen(buf));
}

static int lp_call_soon(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  int ref = make_cb(L, lp, 2, lua_gettop(L) - 2);
  if (loop_call_soon(lp->loop, lx_lua_callback, lp, (uint64_t)ref, cb_label(L, lp, 2)))
    return lx_raise(L, "RuntimeError", "Event loop is closed");
  return 1;
}

static int call_at(lua_State *L, lx_loop *lp, double delay) {
  int ref = make_cb(L, lp, 3, lua_gettop(L) - 3);
  ls_id tm = loop_call_later(lp->loop, LS_FROM_SEC(delay), lx_lua_callback, lp, (uint64_t)ref,
                             cb_label(L, lp, 3), lx_curline(L));
  if (!tm) return lx_raise(L, "MemoryError", "out of memory");
  lua_pushinteger(L, tm);
  lua_setfield(L, -2, "timer");
  lua_pushnumber(L, LS_TO_SEC(clock_now(&lp->rt->clock)) + delay);
  lua_setfield(L, -2, "when");
  return 1;
}

static int lp_call_later(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  return call_at(L, lp, luaL_checknumber(L, 2));
}

static int lp_call_at(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  return call_at(L, lp, luaL_checknumber(L, 2) - LS_TO_SEC(clock_now(&lp->rt->clock)));
}

static int lp_create_task(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  const char *name = NULL;
  if (lua_type(L, 3) == LUA_TTABLE) {
    lua_getfield(L, 3, "name");
    name = lua_tostring(L, -1);
  }
  lx_spawn(L, lp, 2, name);
  return 1;
}

static int lp_create_future(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  ls_id id = fut_new(lp->loop, LS_FK_FUTURE);
  if (!id) return lx_raise(L, "MemoryError", "out of memory");
  lx_push_handle(L, lp, id);
  return 1;
}

static int lp_run_until_complete(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  lx_rt *rt = lp->rt;
  if (lp->closed) return lx_raise(L, "RuntimeError", "Event loop is closed");
  if (rt->running)
    return lx_raise(L, "RuntimeError", "This event loop is already running");
  ls_id f;
  lx_fut *h = lx_tofut(L, 2);
  if (h) {
    if (lx_fut_loop(L, h) != lp)
      return lx_raise(L, "ValueError", "The future belongs to a different loop than the one specified as the loop argument");
    f = h->id;
  } else {
    f = lx_spawn(L, lp, 2, NULL);
  }
  rt->ran_loop = 1;
  int rc = run_until(L, lp, f);
  fut_set_retrieved(lp->loop, f);
  if (rc) {
    finish_loop(L, lp, rc);
    return loop_error(L, lp, rc);
  }
  return lx_fut_outcome(L, lp, f);
}

static int lp_close(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  if (lp->running) return lx_raise(L, "RuntimeError", "Cannot close a running event loop");
  finish_loop(L, lp, 0);
  return 0;
}

static int lp_stop(lua_State *L) {
  loop_stop(check_loop(L, 1)->loop);
  return 0;
}

static int lp_is_running(lua_State *L) {
  lua_pushboolean(L, check_loop(L, 1)->running);
  return 1;
}

static int lp_is_closed(lua_State *L) {
  lua_pushboolean(L, check_loop(L, 1)->closed);
  return 1;
}

static int lp_get_debug(lua_State *L) {
  lua_pushboolean(L, check_loop(L, 1)->debug);
  return 1;
}

static int lp_set_debug(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  lp->debug = lua_toboolean(L, 2);
  loop_set_debug(lp->loop, lp->debug ? LS_SEC / 10 : 0);
  return 0;
}

static int lp_eq(lua_State *L) {
  lx_loopref *a = luaL_testudata(L, 1, LX_LOOP), *b = luaL_testudata(L, 2, LX_LOOP);
  lua_pushboolean(L, a && b && a->serial == b->serial);
  return 1;
}

static int lp_tostring(lua_State *L) {
  lx_loop *lp = check_loop(L, 1);
  lua_pushfstring(L, "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>",
                  lp->running ? "True" : "False", lp->closed ? "True" : "False",
                  lp->debug ? "True" : "False");
  return 1;
}

static const luaL_Reg loop_methods[] = {
    {"time", lp_time},
    {"call_soon", lp_call_soon},
    {"call_later", lp_call_later},
    {"call_at", lp_call_at},
    {"create_task", lp_create_task},
    {"create_future", lp_create_future},
    {"run_until_complete", lp_run_until_complete},
    {"close", lp_close},
    {"stop", lp_stop},
    {"is_running", lp_is_running},
    {"is_closed", lp_is_closed},
    {"get_debug", lp_get_debug},
    {"set_debug", lp_set_debug},
    {NULL, NULL},
};

static const luaL_Reg asyncio_funcs[] = {
    {"run", l_run},
    {"gather", l_gather},
    {"create_task", l_create_task},
    {"ensure_future", l_create_task},
    {"Future", l_future},
    {"current_task", l_current_task},
    {"all_tasks", l_all_tasks},
    {"get_event_loop", l_get_event_loop},
    {"get_running_loop", l_get_running_loop},
    {"new_event_loop", l_new_event_loop},
    {"set_event_loop", l_set_event_loop},
    {NULL, NULL},
};

void lx_open_asyncio(lua_State *L, int env) {
  env = lua_absindex(L, env);
  luaL_newmetatable(L, LX_LOOP);
  luaL_newlib(L, loop_methods);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, lp_eq);
  lua_setfield(L, -2, "__eq");
  lua_pushcfunction(L, lp_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "EventLoop");
  lua_setfield(L, -2, "__kind");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  luaL_newlib(L, asyncio_funcs);
  lua_getfield(L, LUA_REGISTRYINDEX, "loopscope.sleep");
  lua_setfield(L, -2, "sleep");
  /* classes for isinstance(x, asyncio.Task) / asyncio.Future, and the error types */
  static const struct {
    const char *name;
    lua_CFunction make;
  } kinds[] = {{"Task", l_task_class}, {"Future", l_future_class}};
  for (int i = 0; i < 2; i++) {
    lua_createtable(L, 0, 1);
    lua_pushstring(L, kinds[i].name); /* isinstance: every Task is a Future, not the reverse */
    lua_setfield(L, -2, "__kind");
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, kinds[i].make);
    lua_setfield(L, -2, "__call");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, kinds[i].name);
  }
  static const char *const errs[] = {"CancelledError", "TimeoutError", "InvalidStateError",
                                     "QueueEmpty", "QueueFull"};
  for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
    lua_getfield(L, env, errs[i]);
    lua_setfield(L, -2, errs[i]);
  }
  lua_setfield(L, env, "asyncio");
}

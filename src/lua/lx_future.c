/* lx_future.c -- Task and Future objects for Lua: (loop serial, id) userdata, one per id,
 * with values kept in the loop's table (vals[id]; vals[-id] a string error's traceback). */
#include <string.h>

#include "lx_int.h"

lx_fut *lx_tofut(lua_State *L, int idx) {
  return lx_toud(L, idx, lx_get(L)->mt_fut);
}

lx_loop *lx_fut_loop(lua_State *L, lx_fut *f) {
  lx_rt *rt = lx_get(L);
  if (f->loop == 0 || f->loop > rt->nloops) {
    lx_raise(L, "RuntimeError", "this future belongs to no event loop");
    return NULL;
  }
  return rt->loops[f->loop - 1];
}

static lx_fut *check(lua_State *L, lx_loop **lp) {
  lx_fut *f = lx_tofut(L, 1);
  if (!f) {
    luaL_typeerror(L, 1, "Task or Future");
    return NULL;
  }
  *lp = lx_fut_loop(L, f);
  return f;
}

void lx_push_handle(lua_State *L, lx_loop *lp, ls_id id) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->objs);
  if (lua_rawgeti(L, -1, id) == LUA_TNIL) {
    lua_pop(L, 1);
    lx_fut *f = lua_newuserdatauv(L, sizeof *f, 2);
    f->loop = lp->serial;
    f->id = id;
    f->defline = 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, lp->rt->ref_fut);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, id);
  }
  lua_remove(L, -2);
}

void lx_push_value(lua_State *L, lx_loop *lp, ls_id id) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->vals);
  lua_rawgeti(L, -1, id);
  lua_remove(L, -2);
}

void lx_set_value(lua_State *L, lx_loop *lp, ls_id id, int idx) {
  idx = lua_absindex(L, idx);
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->vals);
  lua_pushvalue(L, idx);
  lua_rawseti(L, -2, id);
  lua_pop(L, 1);
}

/* fut._make_cancelled_error() of a cancelled future: the error that ended a task (handed
 * out once, then plain ones: _cancelled_exc), a future's cancel(msg) error, else a plain
 * CancelledError(). Pushes it. */
void lx_push_cancelled(lua_State *L, lx_loop *lp, ls_id id) {
  lx_push_value(L, lp, id);
  if (!lx_is_error_type(L, -1, "CancelledError")) {
    lua_pop(L, 1);
    lx_new_error(L, "CancelledError", "");
  } else if (task_is(lp->loop, id)) {
    lua_pushnil(L);
    lx_set_value(L, lp, id, -1);
    lua_pop(L, 1);
  }
}

int lx_fut_outcome(lua_State *L, lx_loop *lp, ls_id id) {
  fut_set_retrieved(lp->loop, id);
  switch (fut_state(lp->loop, id)) {
  case LS_FUT_RESULT:
    lx_push_value(L, lp, id);
    return 1;
  case LS_FUT_ERROR:
    lx_push_value(L, lp, id);
    return lua_error(L);
  case LS_FUT_CANCELLED:
    lx_push_cancelled(L, lp, id);
    return lua_error(L);
  default:
    return lx_raise(L, "InvalidStateError", "Result is not set.");
  }
}

static const char *state_name(int st) {
  return st == LS_FUT_PENDING ? "PENDING" : st == LS_FUT_CANCELLED ? "CANCELLED" : "FINISHED";
}

/* Python's repr of a Future or Task. */
const char *lx_fut_repr(lua_State *L, lx_loop *lp, ls_id id) {
  int st = fut_state(lp->loop, id);
  lx_sbuf b = {0};
  int is_task = task_is(lp->loop, id);
  lx_sb_adds(&b, is_task ? "<Task " : "<Future ");
  lx_sb_adds(&b, st == LS_FUT_PENDING     ? "pending"
                 : st == LS_FUT_CANCELLED ? "cancelled"
                                          : "finished");
  if (is_task) {
    lua_pushfstring(L, " name='%s'", trace_str(lp->trace, task_name(lp->loop, id)));
    lx_sb_addtop(L, &b);
    lx_push_handle(L, lp, id);
    lua_getiuservalue(L, -1, 2);
    const char *coro = lua_tostring(L, -1);
    lx_fut *h = lua_touserdata(L, -2);
    int line = st != LS_FUT_PENDING && h->defline ? h->defline : (int)task_line(lp->loop, id);
    lua_pushfstring(L, " coro=<%s() %s %s:%d>", coro ? coro : "?",
                    st == LS_FUT_PENDING ? "running at" : "done, defined at",
                    lp->rt->chunkname ? lp->rt->chunkname : "?", line);
    lx_sb_addtop(L, &b);
    lua_pop(L, 2);
  }
  if (st == LS_FUT_RESULT) {
    lx_sb_adds(&b, " result=");
    lx_push_value(L, lp, id);
    lx_repr(L, -1, &b, 1, 1);
    lua_pop(L, 1);
  } else if (st == LS_FUT_ERROR) {
    lx_sb_adds(&b, " exception=");
    lx_push_value(L, lp, id);
    lx_repr(L, -1, &b, 1, 1);
    lua_pop(L, 1);
  }
  lx_sb_addc(&b, '>');
  lx_sb_check(L, &b);
  return lx_sb_push(L, &b);
}

static int f_tostring(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  lx_fut_repr(L, lp, f->id);
  return 1;
}

static int f_done(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  lua_pushboolean(L, fut_state(lp->loop, f->id) != LS_FUT_PENDING);
  return 1;
}

static int f_cancelled(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  lua_pushboolean(L, fut_state(lp->loop, f->id) == LS_FUT_CANCELLED);
  return 1;
}

static int f_result(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  return lx_fut_outcome(L, lp, f->id);
}

static int f_exception(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  switch (fut_state(lp->loop, f->id)) {
  case LS_FUT_PENDING:
    return lx_raise(L, "InvalidStateError", "Exception is not set.");
  case LS_FUT_CANCELLED:
    return lx_fut_outcome(L, lp, f->id);
  case LS_FUT_ERROR:
    fut_set_retrieved(lp->loop, f->id);
    lx_push_value(L, lp, f->id);
    return 1;
  default:
    fut_set_retrieved(lp->loop, f->id);
    lua_pushnil(L);
    return 1;
  }
}

/* cancel(msg): the CancelledError raised carries the message. It is kept in the value slot
 * (unused while pending) of the future, or of the task and what it awaits, as Task.cancel
 * hands msg to its waiter. The error (or nil) is at the top of L. A task whose waiter was
 * cancelled already keeps that first message: the waiter's error is what it will raise. */
void lx_cancel_with(lua_State *L, lx_loop *lp, ls_id id) {
  for (int depth = 0; id && depth < 1000; depth++) {
    if (fut_state(lp->loop, id) != LS_FUT_PENDING) break;
    ls_id w = task_is(lp->loop, id) ? task_waiting_on(lp->loop, id) : 0;
    if (w && fut_state(lp->loop, w) != LS_FUT_PENDING) break;
    lx_set_value(L, lp, id, -1);
    id = w;
  }
}

static int f_cancel(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  if (fut_state(lp->loop, f->id) == LS_FUT_PENDING) {
    lua_settop(L, 2);
    if (!lua_isnil(L, 2)) lx_new_error(L, "CancelledError", luaL_tolstring(L, 2, NULL));
    lx_cancel_with(L, lp, f->id);
    lua_settop(L, 1);
  }
  lua_pushboolean(L, fut_cancel(lp->loop, f->id) == 1);
  return 1;
}

/* Is the value at 2 an exception class (not an instance)? */
static int is_class_at2(lua_State *L) {
  lua_pushliteral(L, "__errclass");
  int r = lua_rawget(L, 2) != LUA_TNIL;
  lua_pop(L, 1);
  return r;
}

static int set_outcome(lua_State *L, ls_outcome how) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  if (task_is(lp->loop, f->id))
    return lx_raise(L, "RuntimeError", "Task does not support %s operation",
                    how == LS_OUT_RESULT ? "set_result" : "set_exception");
  int st = fut_state(lp->loop, f->id);
  if (st != LS_FUT_PENDING) {
    lx_fut_repr(L, lp, f->id);
    return lx_raise(L, "InvalidStateError", "%s: %s", state_name(st), lua_tostring(L, -1));
  }
  lua_settop(L, 2);
  if (how == LS_OUT_ERROR) {
    /* set_exception(ValueError): a class is instantiated, as Python does */
    if (lua_type(L, 2) == LUA_TTABLE && is_class_at2(L)) {
      lua_pushvalue(L, 2);
      lua_call(L, 0, 1);
      lua_replace(L, 2);
    } else {
      lua_settop(L, 2);
    }
    if (lua_isnil(L, 2)) return lx_raise(L, "TypeError", "set_exception() needs an exception");
  }
  lx_set_value(L, lp, f->id, 2);
  lua_pushvalue(L, 2);
  size_t n;
  const char *s = how == LS_OUT_ERROR ? lx_describe_error(L, -1) : NULL;
  if (!s) s = lx_push_repr(L, -1, 1);
  n = strlen(s);
  int64_t text = trace_intern(lp->trace, s, n > 200 ? 200 : n);
  fut_resolve(lp->loop, f->id, how, text);
  return 0;
}

static int f_set_result(lua_State *L) {
  return set_outcome(L, LS_OUT_RESULT);
}

static int f_set_exception(lua_State *L) {
  return set_outcome(L, LS_OUT_ERROR);
}

/* Done callbacks and call_soon share one record table: {fn, args..., n = #args}. */
void lx_lua_callback(ls_loop *l, void *ud, uint64_t ref, ls_id fut) {
  lx_loop *lp = ud;
  lua_State *L = lp->rt->L;
  int top = lua_gettop(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
  lua_rawgeti(L, -1, (lua_Integer)ref);
  luaL_unref(L, -2, (int)ref);
  if (lua_type(L, -1) != LUA_TTABLE || lua_getfield(L, -1, "cancelled") != LUA_TNIL) {
    lua_settop(L, top);
    return;
  }
  lua_pop(L, 1);
  int rec = lua_gettop(L);
  lua_getfield(L, rec, "n");
  int n = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  if (!lua_checkstack(L, n + 4)) {
    lua_settop(L, top);
    return;
  }
  for (int i = 1; i <= n + 1; i++) lua_rawgeti(L, rec, i);
  lua_State *prev = lx_wd_enter(lp->rt->wd, L);
  int failed = lx_docall(L, n, 0);
  lx_wd_leave(lp->rt->wd, L, prev);
  if (failed) {
    const char *msg = lua_tostring(L, -1);
    lx_emit_errf(lp->rt, "Exception in callback %s\n%s\n", fut ? "done callback" : "call_soon",
                 msg ? msg : "?");
    loop_note(l, LS_EV_WARN, 3, fut, 0, trace_intern(lp->trace, msg ? msg : "?", msg ? strlen(msg) : 1));
  }
  lua_settop(L, top);
}

int lx_add_lua_callback(lua_State *L, lx_loop *lp, ls_id fut, int fn_idx) {
  fn_idx = lua_absindex(L, fn_idx);
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
  lua_createtable(L, 2, 2);
  lua_pushvalue(L, fn_idx);
  lua_rawseti(L, -2, 1);
  lx_push_handle(L, lp, fut);
  lua_rawseti(L, -2, 2);
  lua_pushinteger(L, 1);
  lua_setfield(L, -2, "n");
  lua_pushinteger(L, fut);
  lua_setfield(L, -2, "fut");
  int ref = luaL_ref(L, -2);
  lua_pop(L, 1);
  static const char label[] = "done callback";
  return fut_add_callback(lp->loop, fut, lx_lua_callback, lp, (uint64_t)ref,
                          trace_intern(lp->trace, label, sizeof label - 1));
}

static int f_add_done_callback(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  if (lx_add_lua_callback(L, lp, f->id, 2)) return lx_raise(L, "MemoryError", "out of memory");
  return 0;
}

static int f_remove_done_callback(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  int removed = 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
  int cbs = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, cbs)) {
    if (lua_type(L, -1) != LUA_TTABLE) { /* a free slot of luaL_ref's list */
      lua_pop(L, 1);
      continue;
    }
    if (lua_getfield(L, -1, "fut") == LUA_TNUMBER && (ls_id)lua_tointeger(L, -1) == f->id) {
      lua_rawgeti(L, -2, 1);
      if (lua_rawequal(L, -1, 2)) {
        int r = fut_remove_callback(lp->loop, f->id, lx_lua_callback, lp,
                                    (uint64_t)lua_tointeger(L, -4));
        removed += r;
        if (r) { /* one already handed to the ready queue still runs, as in CPython */
          lua_pushboolean(L, 1);
          lua_setfield(L, -4, "cancelled");
        }
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
  lua_pushinteger(L, removed);
  return 1;
}

static int f_get_name(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  if (!task_is(lp->loop, f->id)) return lx_raise(L, "TypeError", "a Future has no name");
  lua_pushstring(L, trace_str(lp->trace, task_name(lp->loop, f->id)));
  return 1;
}

static int f_set_name(lua_State *L) {
  lx_loop *lp;
  lx_fut *f = check(L, &lp);
  size_t n;
  const char *s = luaL_tolstring(L, 2, &n);
  if (!task_is(lp->loop, f->id)) return lx_raise(L, "TypeError", "a Future has no name");
  task_set_name(lp->loop, f->id, trace_intern(lp->trace, s, n));
  return 0;
}

static int f_get_loop(lua_State *L);

static int f_eq(lua_State *L) {
  lx_fut *a = lx_tofut(L, 1), *b = lx_tofut(L, 2);
  lua_pushboolean(L, a && b && a->loop == b->loop && a->id == b->id);
  return 1;
}

static const luaL_Reg methods[] = {
    {"done", f_done},
    {"cancelled", f_cancelled},
    {"result", f_result},
    {"exception", f_exception},
    {"cancel", f_cancel},
    {"set_result", f_set_result},
    {"set_exception", f_set_exception},
    {"add_done_callback", f_add_done_callback},
    {"remove_done_callback", f_remove_done_callback},
    {"get_name", f_get_name},
    {"set_name", f_set_name},
    {"get_loop", f_get_loop},
    {NULL, NULL},
};

/* The loop object lives in lx_asyncio.c; this pushes it by serial. */
void lx_push_loop(lua_State *L, lx_loop *lp);

static int f_get_loop(lua_State *L) {
  lx_loop *lp;
  check(L, &lp);
  lx_push_loop(L, lp);
  return 1;
}

void lx_open_future(lua_State *L) {
  /* Task and Future share a metatable; __kind answers isinstance(x, asyncio.Future). */
  luaL_newmetatable(L, LX_FUT);
  lx_get(L)->mt_fut = lua_topointer(L, -1);
  lua_pushvalue(L, -1);
  lx_get(L)->ref_fut = luaL_ref(L, LUA_REGISTRYINDEX);
  luaL_newlib(L, methods);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, f_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushcfunction(L, f_eq);
  lua_setfield(L, -2, "__eq");
  lua_pushliteral(L, "Future");
  lua_setfield(L, -2, "__kind");
  lua_pushliteral(L, "Future");
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

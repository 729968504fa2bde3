/* lx_async.c -- async functions, coroutine objects, await, and the task step that resumes
 * a task's Lua thread. The await protocol: await() records what it waits on in the loop
 * (lx_loop.req) and yields nothing; the step reads the request, the engine waits, and the
 * continuation reads the outcome when the thread is resumed. */
#include <stdlib.h>
#include <string.h>

#include "lx_int.h"

lx_coro *lx_tocoro(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return NULL;
  const void *m = lua_topointer(L, -1);
  lua_pop(L, 1);
  lx_rt *rt = lx_get(L);
  return (m == rt->mt_coro || m == rt->mt_native) ? lua_touserdata(L, idx) : NULL;
}

const char *lx_coro_name(lua_State *L, int idx) {
  lx_coro *c = lua_touserdata(L, idx);
  if (c->native) return "sleep";
  lua_getiuservalue(L, idx, 2);
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1); /* the coroutine object keeps the string alive */
  return s ? s : "?";
}

/* The name the caller used for the async function, found once and kept (upvalue 2). */
static void fill_name(lua_State *L) {
  lua_Debug ar;
  if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "n", &ar) && ar.name) {
    lua_pushstring(L, ar.name);
  } else {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_getinfo(L, ">S", &ar);
    lua_pushfstring(L, "%s:%d", ar.short_src, ar.linedefined);
  }
  lua_replace(L, lua_upvalueindex(2));
}

static lx_coro *new_coro(lua_State *L, int nuv, int native) {
  lx_coro *c = lua_newuserdatauv(L, sizeof *c, nuv);
  memset(c, 0, sizeof *c);
  lx_rt *rt = lx_get(L);
  if (native) { /* built-ins are awaited at once: no finalizer, no line, nothing to warn of */
    c->native = (uint8_t)native;
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->ref_native);
    lua_setmetatable(L, -2);
    return c;
  }
  c->line = lx_callerline(L);
  c->seq = ++rt->coro_seq;
  c->loop = rt->running ? rt->running->serial : 0;
  if ((rt->running && rt->running->debug) || rt->opt.debug) {
    const char *top = NULL;
    lx_loop *lp = rt->running;
    if (lp && lp->co == L) { /* the task's own function is called from C: name it */
      lx_push_handle(L, lp, loop_current_task(lp->loop));
      lua_getiuservalue(L, -1, 2);
      top = lua_tostring(L, -1);
    }
    c->where = lx_traceback_py(L, L, 1, top);
    if (top) lua_pop(L, 2);
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt->ref_coro);
  lua_setmetatable(L, -2);
  return c;
}

/* Calling an async function: a coroutine object holding the function and its arguments. */
static int async_call(lua_State *L) {
  int nargs = lua_gettop(L);
  if (nargs > 60000) return luaL_error(L, "too many arguments to an async function");
  if (lua_isnil(L, lua_upvalueindex(2))) fill_name(L);
  lx_coro *c = new_coro(L, 2 + nargs, 0);
  c->nargs = (uint16_t)nargs;
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_setiuservalue(L, -2, 1);
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_setiuservalue(L, -2, 2);
  for (int i = 1; i <= nargs; i++) {
    lua_pushvalue(L, i);
    lua_setiuservalue(L, -2, 2 + i);
  }
  return 1;
}

/* async(fn) or async("name", fn). */
static int l_async(lua_State *L) {
  int fi = lua_type(L, 1) == LUA_TSTRING ? 2 : 1;
  luaL_checktype(L, fi, LUA_TFUNCTION);
  lua_pushvalue(L, fi);
  if (fi == 2)
    lua_pushvalue(L, 1);
  else
    lua_pushnil(L);
  lua_pushcclosure(L, async_call, 2);
  return 1;
}

/* asyncio.sleep(delay): with no result it is a plain value -- a light userdata holding the
 * delay in ns -- so the commonest await allocates nothing and needs no finalizer. (Awaiting
 * one twice sleeps twice instead of raising: the one place it differs from Python.) */
static void *sleep_value(double d) {
  ls_time ns = d > 0 ? LS_FROM_SEC(d) : 0;
  return (void *)(intptr_t)(ns * 2 + 1); /* odd: no userdata block is, so await needs one test */
}

static int is_sleep_value(const void *p) {
  return ((uintptr_t)p & 1) != 0;
}

int lx_is_coro(lua_State *L, int idx) {
  return lua_type(L, idx) == LUA_TLIGHTUSERDATA || lx_tocoro(L, idx) != NULL;
}

/* asyncio.sleep(delay [, result]): a native coroutine object named 'sleep'. */
static int l_sleep(lua_State *L) {
  int isnum; /* sleep(0): an integer is read without lua_tonumberx's float conversion call */
  lua_Integer i = lua_tointegerx(L, 1, &isnum);
  double d = isnum ? (double)i : luaL_checknumber(L, 1);
  if (d != d) return lx_raise(L, "ValueError", "Invalid delay: NaN (not a number)");
  int has_result = lua_gettop(L) >= 2 && !lua_isnil(L, 2);
  if (!has_result) {
    if (d > 1e9) return lx_raise(L, "ValueError", "sleep length is too large");
    lua_pushlightuserdata(L, sleep_value(d));
    return 1;
  }
  lua_settop(L, 2);
  lx_coro *c = new_coro(L, has_result, LX_NATIVE_SLEEP);
  c->delay = d;
  if (has_result) {
    lua_pushvalue(L, 2);
    lua_setiuservalue(L, -2, 1);
  }
  return 1;
}

/* Line `line` of the lesson's source, without its indentation and trailing blanks. */
static const char *source_line(const lx_rt *rt, int32_t line, size_t *n) {
  const char *p = rt->source ? rt->source : "", *end = p + (rt->source ? rt->sourcelen : 0);
  for (int32_t l = 1; l < line && p < end; p++)
    if (*p == '\n') l++;
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  const char *e = p;
  while (e < end && *e != '\n') e++;
  while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
  *n = (size_t)(e - p);
  return p;
}

static int coro_gc(lua_State *L) {
  lx_coro *c = lua_touserdata(L, 1);
  lx_rt *rt = lx_get(L);
  if (!c->consumed && rt && rt->L) {
    c->consumed = 1;
    lua_getiuservalue(L, 1, 2);
    const char *name = lua_tostring(L, -1);
    const char *chunk = rt->chunkname ? rt->chunkname : "?";
    lua_pushfstring(L, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited", chunk,
                    (int)c->line, name ? name : "?");
    if (c->where) { /* debug mode: where it was made, before the warning's own lines */
      size_t w = strlen(c->where);
      lua_pushfstring(L, "%s\nCoroutine created at (most recent call last)\n%s",
                      lua_tostring(L, -1), c->where);
      if (w && c->where[w - 1] == '\n') { /* its frames end with a newline: drop one */
        size_t len;
        const char *t = lua_tolstring(L, -1, &len);
        lua_pushlstring(L, t, len - 1);
        lua_remove(L, -2);
      }
      lua_remove(L, -2);
    }
    { /* as Python's warnings module: the source line, then the tracemalloc hint */
      size_t n = 0;
      const char *src = source_line(rt, c->line, &n);
      lua_pushlstring(L, src, n);
      lua_pushfstring(L, "%s\n  %s\nRuntimeWarning: Enable tracemalloc to get the object "
                      "allocation traceback", lua_tostring(L, -2), lua_tostring(L, -1));
      lua_replace(L, -3);
      lua_pop(L, 1);
    }
    lx_add_pending(rt, c->seq, lua_tostring(L, -1));
    lua_pop(L, 2);
  }
  free(c->where);
  c->where = NULL;
  return 0;
}

static int coro_tostring(lua_State *L) {
  if (lua_type(L, 1) == LUA_TLIGHTUSERDATA) {
    lua_pushliteral(L, "<coroutine object sleep>");
    return 1;
  }
  lx_coro *c = lx_tocoro(L, 1);
  if (!c) return luaL_argerror(L, 1, "coroutine object expected");
  lua_pushfstring(L, "<coroutine object %s at line %d>", lx_coro_name(L, 1), (int)c->line);
  return 1;
}

/* The CancelledError a cancelled await raises: the one task:cancel(msg) left in the task's
 * value slot (empty while it runs), else the cancelled future's own (fut:cancel(msg)), else a
 * plain one. */
static int raise_cancelled(lua_State *L, ls_id fut) {
  lx_loop *lp = lx_get(L)->running;
  ls_id t = loop_current_task(lp->loop);
  lx_push_value(L, lp, t);
  if (lx_is_error_type(L, -1, "CancelledError")) {
    lua_pushnil(L); /* used up, as Task.cancel's message is once its waiter raised it */
    lx_set_value(L, lp, t, -1);
    lua_pop(L, 1);
    return lua_error(L);
  }
  lua_pop(L, 1);
  if (fut && fut_state(lp->loop, fut) == LS_FUT_CANCELLED) return lx_fut_outcome(L, lp, fut);
  lx_new_error(L, "CancelledError", "");
  return lua_error(L);
}

static int sleep_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status, (void)ctx;
  if (lx_get(L)->running->how == LS_RESUME_CANCEL) return raise_cancelled(L, 0);
  lua_getiuservalue(L, 1, 1); /* nil when sleep() had no result */
  return 1;
}

static int sleep0_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status, (void)ctx;
  if (lx_get(L)->running->how == LS_RESUME_CANCEL) return raise_cancelled(L, 0);
  lua_pushnil(L); /* await(sleep(d)) is None, one value */
  return 1;
}

static int fut_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status;
  lx_loop *lp = lx_get(L)->running;
  if (lp->how == LS_RESUME_CANCEL) return raise_cancelled(L, (ls_id)ctx);
  return lx_fut_outcome(L, lp, (ls_id)ctx);
}

/* An inline coroutine's results: all of them (asyncio.wait's `done, pending`), at least one
 * (a bare return awaits to None). Slot 1 holds the coroutine object. */
static int call_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status, (void)ctx;
  if (lua_gettop(L) == 1) lua_pushnil(L);
  return lua_gettop(L) - 1;
}

/* The lesson line an await stops at; inside a task made straight from a built-in coroutine
 * (create_task(ev:wait())) there is none: the task keeps the line it was made at. */
static int32_t await_line(lua_State *L, lx_loop *lp, int32_t site) {
  int32_t line = site ? site : lx_callerline(L);
  return line ? line : task_line(lp->loop, loop_current_task(lp->loop));
}

/* await(x): x is a coroutine object (run inline, as Python does), a Task or a Future. `site`
 * is the lesson line of the call when the loader knew it (lx_sites.c), else 0. */
static int await_at(lua_State *L, int32_t site) {
  lx_rt *rt = lx_get(L);
  lx_loop *lp = rt->running;
  if (!lp || lp->co != L)
    return lx_raise(L, "RuntimeError",
                    "await outside a running coroutine: await works only inside an async "
                    "function that the event loop is running");
  void *p = lua_touserdata(L, 1);
  if (is_sleep_value(p)) { /* asyncio.sleep(d) with no result */
    ls_time ns = (ls_time)((intptr_t)p >> 1);
    lp->req_line = await_line(L, lp, site);
    lp->req = LX_REQ_SLEEP;
    lp->req_delay = LS_TO_SEC(ns);
    return lua_yieldk(L, 0, 0, sleep0_k);
  }
  lua_settop(L, 1);
  lx_coro *c = lx_tocoro(L, 1);
  if (c) {
    if (c->consumed) return lx_raise(L, "RuntimeError", "cannot reuse already awaited coroutine");
    c->consumed = 1;
    if (c->native == LX_NATIVE_SLEEP) {
      lp->req_line = await_line(L, lp, site);
      lp->req = LX_REQ_SLEEP;
      lp->req_delay = c->delay;
      return lua_yieldk(L, 0, 0, sleep_k);
    }
    lua_getiuservalue(L, 1, 1);
    for (int i = 0; i < c->nargs; i++) lua_getiuservalue(L, 1, 3 + i);
    lua_callk(L, c->nargs, LUA_MULTRET, 0, call_k);
    return call_k(L, LUA_OK, 0);
  }
  lx_fut *f = lx_tofut(L, 1);
  if (f) {
    lx_loop *fl = lx_fut_loop(L, f);
    if (fl != lp)
      return lx_raise(L, "RuntimeError", "this future is attached to a different loop");
    if (f->id == loop_current_task(lp->loop))
      return lx_raise(L, "RuntimeError", "Task cannot await on itself");
    if (fut_state(lp->loop, f->id) != LS_FUT_PENDING) return lx_fut_outcome(L, lp, f->id);
    lp->req_line = await_line(L, lp, site);
    lp->req = LX_REQ_AWAIT;
    lp->req_obj = f->id;
    return lua_yieldk(L, 0, (lua_KContext)f->id, fut_k);
  }
  return lx_raise(L, "TypeError", "object %s can't be used in 'await' expression",
                  luaL_typename(L, 1));
}

static int l_await(lua_State *L) {
  return await_at(L, 0);
}

/* await bound to its call's line (upvalue 1): see lx_sites.c. */
int lx_await_at(lua_State *L) {
  return await_at(L, (int32_t)(intptr_t)lua_touserdata(L, lua_upvalueindex(1)));
}

/* Over the instruction budget: raise now, and again at every instruction after, so that a
 * pcall around the endless loop cannot swallow it (the code around the pcall raises too). */
void lx_budget_hook(lua_State *L, lua_Debug *ar) {
  lx_rt *rt = lx_get(L);
  lx_loop *lp = rt->running;
  lua_getinfo(L, "Sl", ar);
  lua_sethook(L, lx_budget_hook, LUA_MASKCOUNT, 1);
  if (lp && lp->co == L) {
    lp->killed = 1;
    const char *name = trace_str(lp->trace, task_name(lp->loop, loop_current_task(lp->loop)));
    lx_raise(L, "RuntimeError",
             "task '%s' ran %ld instructions without awaiting at %s:%d \xe2\x80\x94 the event "
             "loop is blocked",
             name, rt->opt.step_budget, ar->short_src, ar->currentline);
  }
  lx_raise(L, "RuntimeError",
           "the lesson ran %ld instructions without returning to the event loop at %s:%d "
           "\xe2\x80\x94 an endless loop?",
           rt->opt.step_budget, ar->short_src, ar->currentline);
}


/* "Task-N" without snprintf: it runs once per task. */
static size_t format_task_name(char *buf, uint64_t n) {
  char digits[24];
  size_t k = 0;
  do digits[k++] = (char)('0' + n % 10);
  while ((n /= 10) != 0);
  memcpy(buf, "Task-", 5);
  for (size_t i = 0; i < k; i++) buf[5 + i] = digits[k - 1 - i];
  buf[5 + k] = '\0';
  return 5 + k;
}

/* Wraps coroutine object at idx in a new task; pushes the Task. */
ls_id lx_spawn(lua_State *L, lx_loop *lp, int idx, const char *name) {
  idx = lua_absindex(L, idx);
  lx_coro *c = lx_tocoro(L, idx);
  int light = lua_type(L, idx) == LUA_TLIGHTUSERDATA;
  if (!c && !light) {
    lx_raise(L, "TypeError", "a coroutine was expected, got %s", luaL_typename(L, idx));
    return 0;
  }
  if (c && c->consumed) {
    lx_raise(L, "RuntimeError", "cannot reuse already awaited coroutine");
    return 0;
  }
  if (lp->closed) {
    lx_raise(L, "RuntimeError", "Event loop is closed");
    return 0;
  }
  /* The task's Lua thread (about 1 KB) is made at its first step, not here: a gather of
   * 100,000 coroutines holds 100,000 small objects, not 100,000 stacks. */
  int32_t line = c ? c->line : lx_callerline(L);
  if (line <= 0 && c && !c->native) { /* made from C (asyncio.run of an entry): where it is defined */
    lua_Debug ar;
    lua_getiuservalue(L, idx, 1);
    if (lua_getinfo(L, ">S", &ar)) line = ar.linedefined;
  }
  if (c) c->consumed = 1;
  char buf[32];
  size_t nlen;
  lp->task_counter++;
  if (!name) {
    nlen = format_task_name(buf, lp->task_counter);
    name = buf;
  } else {
    nlen = strlen(name);
  }
  int64_t nid = trace_intern(lp->trace, name, nlen);
  ls_id id = task_new(lp->loop, NULL, nid, line);
  if (!id) {
    lx_raise(L, "MemoryError", "out of memory making a task");
    return 0;
  }
  if (c) c->task = id;
  lx_push_handle(L, lp, id);
  lua_pushvalue(L, idx); /* the coroutine waits in the handle until the first step */
  lua_setiuservalue(L, -2, 1);
  lua_pushstring(L, light ? "sleep" : lx_coro_name(L, idx));
  lua_setiuservalue(L, -2, 2);
  return id;
}

/* A started task's thread: the function and arguments of its coroutine object, or
 * await(x) for a built-in one. Leaves nothing on L; returns the argument count. */
static lua_State *make_thread(lua_State *L, lx_loop *lp, ls_id t, int *nargs) {
  lx_push_handle(L, lp, t);
  lua_getiuservalue(L, -1, 1);
  int idx = lua_gettop(L);
  lx_coro *c = lx_tocoro(L, idx);
  lx_rt *rt = lp->rt;
  lua_State *co;
  if (rt->npool) { /* a finished thread, reset: resuming it with a function starts afresh */
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->pool_ref);
    lua_rawgeti(L, -1, rt->npool);
    lua_pushnil(L);
    lua_rawseti(L, -3, rt->npool--);
    lua_remove(L, -2);
    co = lua_tothread(L, -1);
  } else {
    co = lua_newthread(L);
  }
  if (!c || c->native) {
    if (c) c->consumed = 0; /* lx_spawn marked it taken; the await below takes it */
    lua_pushcfunction(co, l_await);
    lua_pushvalue(L, idx);
    lua_xmove(L, co, 1);
    *nargs = 1;
  } else {
    lua_checkstack(co, c->nargs + 1);
    lua_getiuservalue(L, idx, 1);
    lua_Debug ar;
    lua_pushvalue(L, -1);
    if (lua_getinfo(L, ">S", &ar)) ((lx_fut *)lua_touserdata(L, idx - 1))->defline = ar.linedefined;
    lua_xmove(L, co, 1);
    for (int i = 0; i < c->nargs; i++) {
      lua_getiuservalue(L, idx, 3 + i);
      lua_xmove(L, co, 1);
    }
    *nargs = c->nargs;
  }
  lua_setiuservalue(L, idx - 1, 1); /* the handle now anchors the thread */
  lua_pop(L, 2);
  task_set_ud(lp->loop, t, co);
  return co;
}

/* Lets go of a finished task's thread. */
/* Threads that returned normally are reset and kept for the next task: making a thread costs
 * more than a whole short task. The pool is small; the rest are left to the collector. */
#define LX_POOL_MAX 256

static void release(lua_State *L, lx_loop *lp, ls_id t, lua_State *co) {
  lx_rt *rt = lp->rt;
  lx_push_handle(L, lp, t);
  if (co && rt->npool < LX_POOL_MAX) {
    lua_resetthread(co); /* closes pending to-be-closed variables, shrinks the stack */
    lua_sethook(co, NULL, 0, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->pool_ref);
    lua_getiuservalue(L, -2, 1);
    if (lua_tothread(L, -1) == co) {
      lua_rawseti(L, -2, ++rt->npool);
    } else {
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pushnil(L);
  lua_setiuservalue(L, -2, 1);
  lua_pop(L, 1);
}

static void format_int(char *buf, lua_Integer v) {
  char digits[24];
  size_t k = 0;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do digits[k++] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  size_t n = 0;
  if (v < 0) buf[n++] = '-';
  while (k) buf[n++] = digits[--k];
  buf[n] = '\0';
}

static int64_t intern_top(lua_State *L, lx_loop *lp, int error) {
  size_t n;
  const char *s;
  char buf[48];
  int t = lua_type(L, -1);
  int flt = t == LUA_TNUMBER && !lua_isinteger(L, -1); /* floats as Python writes them */
  if (!error && !flt && t != LUA_TTABLE && t != LUA_TSTRING && t != LUA_TUSERDATA) {
    /* scalars, the common result, without building a Lua string */
    if (t == LUA_TNIL) return lua_pop(L, 1), 0;
    if (t == LUA_TBOOLEAN)
      snprintf(buf, sizeof buf, "%s", lua_toboolean(L, -1) ? "True" : "False");
    else if (lua_isinteger(L, -1))
      format_int(buf, lua_tointeger(L, -1));
    else
      snprintf(buf, sizeof buf, "<%s>", lua_typename(L, t));
    lua_pop(L, 1);
    return trace_intern(lp->trace, buf, strlen(buf));
  }
  if (error) {
    s = lx_describe_error(L, -1);
  } else {
    s = lx_push_repr(L, -1, 1);
    lua_remove(L, -2);
  }
  n = strlen(s);
  if (n > 200) n = 200;
  int64_t id = trace_intern(lp->trace, s, n);
  lua_pop(L, 1);
  return id;
}

void lx_step(ls_loop *l, ls_id t, void *ud, ls_resume how, ls_step_out *out) {
  lx_loop *lp = loop_host(l);
  lx_rt *rt = lp->rt;
  lua_State *L = rt->L;
  lua_State *co = ud;
  int nargs = 0;
  if (!co) { /* not started yet */
    if (how == LS_RESUME_CANCEL) { /* cancelled before it ran: the body never runs */
      lx_push_value(L, lp, t); /* task:cancel(msg)'s error, if it gave one */
      if (!lx_is_error_type(L, -1, "CancelledError")) {
        lua_pop(L, 1);
        lx_new_error(L, "CancelledError", "");
      }
      lx_set_value(L, lp, t, -1);
      lua_pop(L, 1);
      out->kind = LS_STEP_CANCELLED;
      release(L, lp, t, NULL);
      return;
    }
    co = make_thread(L, lp, t, &nargs);
  }
  lp->co = co;
  lp->how = how;
  lp->req = LX_REQ_NONE;
  lp->killed = 0;
  lua_State *prev = lx_wd_enter(rt->wd, co);
  int nres = 0;
  int st = lua_resume(co, L, nargs, &nres);
  lx_wd_leave(rt->wd, co, prev);
  lp->co = NULL;
  if (st == LUA_YIELD && lp->killed) { /* caught its own budget error, then awaited */
    lua_pop(co, nres);
    lx_new_error(co, "RuntimeError", "the task was stopped: the event loop was blocked");
    st = LUA_ERRRUN;
    nres = 1;
  }
  if (st == LUA_YIELD) {
    if (nres) lua_pop(co, nres);
    out->line = lp->req_line;
    switch (lp->req) {
    case LX_REQ_SLEEP:
      out->kind = lp->req_delay > 0 ? LS_STEP_SLEEP : LS_STEP_YIELD;
      out->delay = lp->req_delay > 0 ? LS_FROM_SEC(lp->req_delay) : 0;
      break;
    case LX_REQ_AWAIT:
      out->kind = LS_STEP_AWAIT;
      out->obj = lp->req_obj;
      break;
    default: /* a bare coroutine.yield(): like asyncio's bare yield, run again */
      out->kind = LS_STEP_YIELD;
      out->line = lx_curline(co);
      break;
    }
    return;
  }
  if (st == LUA_OK) {
    if (nres > 0) {
      lua_settop(co, lua_gettop(co) - nres + 1); /* keep the first result */
      lua_xmove(co, L, 1);
    } else {
      lua_pushnil(L);
    }
    lua_pushvalue(L, -1);
    out->text = intern_top(L, lp, 0);
    lx_set_value(L, lp, t, -1);
    lua_pop(L, 1);
    out->kind = LS_STEP_RESULT;
    release(L, lp, t, co);
    return;
  }
  /* an error: keep the value and, the first time it escapes a task, where it came from */
  lua_xmove(co, L, 1);
  if (!lx_error_type(L, -1)) {
    /* error("text") leaving a task becomes RuntimeError("text"): awaiting code sees an
     * exception object, as it would in Python */
    lx_new_error(L, "RuntimeError", lx_describe_error(L, -1));
    lua_remove(L, -2);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "value");
    lua_remove(L, -2);
  }
  int cancelled = lx_is_error_type(L, -1, "CancelledError");
  if (!cancelled) {
    lx_push_handle(L, lp, t);
    lua_getiuservalue(L, -1, 2);
    char *tb = lx_traceback_py(L, co, 0, lua_tostring(L, -1));
    lua_pop(L, 2);
    if (tb) {
      lua_pushfstring(L, "  Task '%s'\n%s", trace_str(lp->trace, task_name(l, t)), tb);
      free(tb);
      /* kept on the error table, or for other values in the registry by value */
      if (lua_type(L, -2) == LUA_TTABLE) {
        if (lua_getfield(L, -2, "traceback") == LUA_TNIL) {
          lua_pop(L, 1);
          lua_setfield(L, -2, "traceback");
        } else {
          lua_pop(L, 2);
        }
      } else if (!lua_isnil(L, -2)) {
        lua_getfield(L, LUA_REGISTRYINDEX, "loopscope.tbs");
        lua_pushvalue(L, -3);
        lua_pushvalue(L, -3);
        lua_rawset(L, -3);
        lua_pop(L, 2);
      } else {
        lua_pop(L, 1);
      }
    }
    out->line = lx_curline(co);
  }
  lua_pushvalue(L, -1);
  out->text = intern_top(L, lp, 1);
  lx_set_value(L, lp, t, -1);
  lua_pop(L, 1);
  out->kind = cancelled ? LS_STEP_CANCELLED : LS_STEP_ERROR;
  /* not pooled: an error thrown from a hook leaves the thread's hooks disabled for good */
  lua_resetthread(co);
  release(L, lp, t, NULL);
}

/* When level lvl of L is await() running a coroutine object inline, that object's name. */
const char *lx_awaited_name(lua_State *L, int lvl) {
  lua_Debug ar;
  if (!lua_getstack(L, lvl, &ar) || !lua_getinfo(L, "f", &ar)) return NULL;
  lua_CFunction fn = lua_tocfunction(L, -1);
  int is_await = fn == l_await || fn == lx_await_at;
  lua_pop(L, 1);
  if (!is_await || !lua_getlocal(L, &ar, 1)) return NULL;
  const char *name = lx_tocoro(L, -1) ? lx_coro_name(L, -1) : NULL;
  lua_pop(L, 1); /* the coroutine object is still held by await's frame */
  return name;
}

int lx_is_async(lua_State *L, int idx) {
  return lua_tocfunction(L, idx) == async_call;
}

void lx_open_async(lua_State *L, int env) {
  env = lua_absindex(L, env);
  lx_rt *rt = lx_get(L);
  luaL_newmetatable(L, LX_NATIVE);
  lua_pushcfunction(L, coro_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "coroutine");
  lua_setfield(L, -2, "__kind");
  lua_pushliteral(L, "coroutine");
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  rt->mt_native = lua_topointer(L, -1);
  lua_pushlightuserdata(L, NULL); /* light userdata (sleep values) share this metatable */
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
  rt->ref_native = luaL_ref(L, LUA_REGISTRYINDEX);
  luaL_newmetatable(L, LX_CORO);
  rt->mt_coro = lua_topointer(L, -1);
  lua_pushvalue(L, -1);
  rt->ref_coro = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushcfunction(L, coro_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, coro_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "coroutine");
  lua_setfield(L, -2, "__kind");
  lua_pushliteral(L, "coroutine");
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
  lua_pushcfunction(L, l_async);
  lua_setfield(L, env, "async");
  lua_pushcfunction(L, l_await);
  lua_setfield(L, env, "await");
  lua_pushcfunction(L, l_sleep);
  lua_setfield(L, LUA_REGISTRYINDEX, "loopscope.sleep");
}

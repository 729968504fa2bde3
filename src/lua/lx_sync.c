/* lx_sync.c -- asyncio's waits and synchronisation: wait_for, wait, as_completed, Queue,
 * LifoQueue, Lock, Event, Condition, Semaphore, BoundedSemaphore.
 *
 * CPython writes these in Python above the loop (tasks.py, queues.py, locks.py), as
 * coroutines that await futures and try/finally around the awaits; their wake-up order and
 * the number of loop iterations they take follow from that code. So they are written here
 * in Lua, statement for statement after CPython 3.11, on the same futures, done callbacks
 * and timers. The chunk is compiled once per process and loaded stripped of debug
 * information: like C frames, its frames have no lines, so tracebacks, trace records and
 * "running at" lines name the lesson's own line (the await), never this file's. It sees only
 * what it is handed (no globals), so a lesson cannot reach into it or change what it uses.
 *
 * The awaitable methods (q:put, q:get, q:join, lock:acquire, ev:wait, sem:acquire,
 * cond:wait) return coroutine objects, as in CPython: named 'Queue.get', 'Lock.acquire',
 * ..., run only when awaited, reported when never awaited.
 *
 * Lua has no `async with`. A lesson writes `async with lock:` as acquire, pcall, release:
 *
 *   await(lock:acquire())
 *   local ok, err = pcall(function()
 *     ...                               -- the body; it may await
 *   end)
 *   lock:release()
 *   if not ok then error(err, 0) end    -- re-raise, as leaving `async with` does
 *
 * (the same for Semaphore and Condition; for a body that cannot fail, acquire ... release).
 * asyncio.wait returns `done, pending` as two lists ordered by creation (sets in Python). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lx_int.h"

/* ---- what the chunk is handed besides the base functions ---- */

/* waiter(): a new pending future on the running loop, of the host-helper kind. */
static int s_waiter(lua_State *L) {
  lx_loop *lp = lx_running(L, NULL);
  ls_id id = fut_new(lp->loop, LS_FK_OTHER);
  if (!id) return lx_raise(L, "MemoryError", "out of memory");
  lx_push_handle(L, lp, id);
  return 1;
}

/* call_later(delay, label, fn [, arg]): a timer on the running loop calling fn(arg); returns
 * its record for timer_cancel. The label names it in the trace. */
static int s_call_later(lua_State *L) {
  lx_loop *lp = lx_running(L, NULL);
  double d = luaL_checknumber(L, 1);
  size_t n;
  const char *label = luaL_checklstring(L, 2, &n);
  luaL_checktype(L, 3, LUA_TFUNCTION);
  lua_settop(L, 4);
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
  lua_createtable(L, 2, 4); /* the record lx_lua_callback reads: {fn, arg, n = 1} */
  lua_pushvalue(L, 3);
  lua_rawseti(L, -2, 1);
  lua_pushvalue(L, 4);
  lua_rawseti(L, -2, 2);
  lua_pushinteger(L, 1);
  lua_setfield(L, -2, "n");
  lua_pushvalue(L, -1);
  int ref = luaL_ref(L, -3);
  ls_time delay = d > 0 ? LS_FROM_SEC(d > 1e9 ? 1e9 : d) : 0;
  ls_id tm = loop_call_later(lp->loop, delay, lx_lua_callback, lp, (uint64_t)ref,
                             trace_intern(lp->trace, label, n), lx_curline(L));
  if (!tm) {
    luaL_unref(L, -2, ref);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  lua_pushinteger(L, (lua_Integer)tm);
  lua_setfield(L, -2, "timer");
  lua_pushinteger(L, ref);
  lua_setfield(L, -2, "ref");
  lua_pushinteger(L, lp->serial);
  lua_setfield(L, -2, "loop");
  return 1;
}

/* timer_cancel(record): TimerHandle.cancel(); a no-op once it has fired. */
static int s_timer_cancel(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lx_rt *rt = lx_get(L);
  lua_settop(L, 1);
  lua_getfield(L, 1, "timer"); /* 2 */
  lua_getfield(L, 1, "ref");   /* 3 */
  lua_getfield(L, 1, "loop");  /* 4 */
  lua_Integer serial = lua_tointeger(L, 4);
  if (lua_isnil(L, 2) || serial < 1 || serial > (lua_Integer)rt->nloops) return 0;
  lx_loop *lp = rt->loops[serial - 1];
  lua_pushboolean(L, 1);
  lua_setfield(L, 1, "cancelled");
  lua_pushnil(L);
  lua_setfield(L, 1, "timer");
  /* A timer that will never run will never drop its record: drop it here. */
  if (!lp->closed && loop_timer_cancel(lp->loop, (ls_id)lua_tointeger(L, 2)) == 1) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
    luaL_unref(L, -1, (int)lua_tointeger(L, 3));
  }
  return 0;
}

/* add_cb(fut, fn): fut.add_done_callback(fn), returning a key for remove_cb, which finds it
 * among the future's own callbacks (remove_done_callback looks through every record). */
static int s_add_cb(lua_State *L) {
  lx_fut *f = lx_tofut(L, 1);
  if (!f) return luaL_typeerror(L, 1, "Task or Future");
  lx_loop *lp = lx_fut_loop(L, f);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
  lua_createtable(L, 2, 1); /* the record lx_lua_callback reads: {fn, fut, n = 1} */
  lua_pushvalue(L, 2);
  lua_rawseti(L, -2, 1);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, 2);
  lua_pushinteger(L, 1);
  lua_setfield(L, -2, "n");
  int ref = luaL_ref(L, -2);
  static const char label[] = "done callback";
  if (fut_add_callback(lp->loop, f->id, lx_lua_callback, lp, (uint64_t)ref,
                       trace_intern(lp->trace, label, sizeof label - 1))) {
    luaL_unref(L, -1, ref);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  lua_pushinteger(L, ref);
  return 1;
}

/* remove_cb(fut, key): fut.remove_done_callback; a callback already scheduled still runs. */
static int s_remove_cb(lua_State *L) {
  lx_fut *f = lx_tofut(L, 1);
  if (!f) return luaL_typeerror(L, 1, "Task or Future");
  lx_loop *lp = lx_fut_loop(L, f);
  lua_Integer ref = luaL_checkinteger(L, 2);
  if (fut_remove_callback(lp->loop, f->id, lx_lua_callback, lp, (uint64_t)ref) > 0) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, lp->cbs);
    luaL_unref(L, -1, (int)ref);
  }
  return 0;
}

/* rawmeta(x): x's metatable, even a protected one. */
static int s_rawmeta(lua_State *L) {
  if (!lua_getmetatable(L, 1)) lua_pushnil(L);
  return 1;
}

static int s_isfuture(lua_State *L) {
  lua_pushboolean(L, lx_tofut(L, 1) != NULL);
  return 1;
}

static int s_iscoro(lua_State *L) {
  lua_pushboolean(L, lx_is_coro(L, 1));
  return 1;
}

/* fid(f): the future's id, which orders futures by creation. */
static int s_fid(lua_State *L) {
  lx_fut *f = lx_tofut(L, 1);
  lua_pushinteger(L, f ? (lua_Integer)f->id : 0);
  return 1;
}

/* loop_serial(): the running loop's serial, or nil. */
static int s_loop_serial(lua_State *L) {
  lx_rt *rt = lx_get(L);
  if (rt->running)
    lua_pushinteger(L, rt->running->serial);
  else
    lua_pushnil(L);
  return 1;
}

/* kindname(x): Python's type(x).__name__ for the messages that name one. */
static int s_kindname(lua_State *L) {
  lx_fut *f = lx_tofut(L, 1);
  if (f) {
    lx_loop *lp = lx_fut_loop(L, f);
    lua_pushstring(L, task_is(lp->loop, f->id) ? "Task" : "Future");
  } else if (lx_is_coro(L, 1)) {
    lua_pushliteral(L, "coroutine");
  } else {
    lua_pushstring(L, lx_py_typename(L, 1));
  }
  return 1;
}

/* ---- the chunk ---- */

static const char sync_lua[] =
    "-- asyncio's waits and synchronisation primitives, after CPython 3.11's tasks.py,\n"
    "-- queues.py and locks.py, statement for statement: the same futures, callbacks and\n"
    "-- awaits give the same wake-up order and the same number of loop iterations.\n"
    "local P = ...\n"
    "local async, await, pcall, error = P.async, P.await, P.pcall, P.error\n"
    "local setmetatable, type, tostring = P.setmetatable, P.type, P.tostring\n"
    "local rawequal = P.rawequal\n"
    "local isinstance, repr, sort, tremove = P.isinstance, P.repr, P.sort, P.remove\n"
    "local CancelledError, TimeoutError = P.CancelledError, P.TimeoutError\n"
    "local ValueError, RuntimeError, TypeError = P.ValueError, P.RuntimeError, P.TypeError\n"
    "local QueueEmpty, QueueFull = P.QueueEmpty, P.QueueFull\n"
    "local new_waiter, call_later, timer_cancel = P.waiter, P.call_later, P.timer_cancel\n"
    "local isfuture, iscoro, fid, loop_serial = P.isfuture, P.iscoro, P.fid, P.loop_serial\n"
    "local add_cb, remove_cb, rawmeta = P.add_cb, P.remove_cb, P.rawmeta\n"
    "local create_task, typename = P.create_task, P.kindname\n"
    "\n"
    "local M = {}\n"
    "\n"
    "-- ---- helpers: lists of futures (collections.deque in CPython) ----\n"
    "\n"
    "local function append(list, x)\n"
    "  list[#list + 1] = x\n"
    "end\n"
    "\n"
    "-- list.remove(x): drops the first x; false when it is not there.\n"
    "local function remove(list, x)\n"
    "  for i = 1, #list do\n"
    "    if rawequal(list[i], x) then\n"
    "      tremove(list, i)\n"
    "      return true\n"
    "    end\n"
    "  end\n"
    "  return false\n"
    "end\n"
    "\n"
    "local function reraise(err)\n"
    "  error(err, 0)\n"
    "end\n"
    "\n"
    "local function check_number(x, what)\n"
    "  if type(x) ~= 'number' then\n"
    "    error(TypeError(what .. ' must be a number, not ' .. typename(x)))\n"
    "  end\n"
    "  return x\n"
    "end\n"
    "\n"
    "-- _LoopBoundMixin._get_loop: an object binds to the first running loop that uses it.\n"
    "local function get_loop(self)\n"
    "  local loop = loop_serial()\n"
    "  if loop == nil then error(RuntimeError('no running event loop')) end\n"
    "  local bound = self._loop\n"
    "  if bound == nil then\n"
    "    self._loop = loop\n"
    "  elseif bound ~= loop then\n"
    "    error(RuntimeError(tostring(self) .. ' is bound to a different event loop'))\n"
    "  end\n"
    "  return loop\n"
    "end\n"
    "\n"
    "-- obj.method(...) called with a dot instead of a colon: say so, not fail inside.\n"
    "local function check(self, mts, what)\n"
    "  if not mts[rawmeta(self)] then\n"
    "    local cls, method = what:match('^(%w+)%.(.+)$')\n"
    "    error(TypeError(what .. '() needs a ' .. cls .. ', got ' .. typename(self) ..\n"
    "                    ' (call it with a colon: obj:' .. method .. '(...))'))\n"
    "  end\n"
    "end\n"
    "\n"
    "local function create_future(self)\n"
    "  get_loop(self)\n"
    "  return new_waiter()\n"
    "end\n"
    "\n"
    "local function release_waiter(waiter)\n"
    "  if not waiter:done() then waiter:set_result(nil) end\n"
    "end\n"
    "\n"
    "local function ensure_future(x)\n"
    "  if isfuture(x) then return x end\n"
    "  if iscoro(x) then return create_task(x) end\n"
    "  error(TypeError('An asyncio.Future, a coroutine or an awaitable is required'))\n"
    "end\n"
    "M.ensure_future = ensure_future\n"
    "\n"
    "-- A class: instances are tables whose metatable is protected; isinstance reads __isa.\n"
    "local function class(name, base)\n"
    "  local methods = {}\n"
    "  local isa = {[name] = true}\n"
    "  if base then isa[base] = true end\n"
    "  local mt = {__index = methods, __name = name, __kind = name, __isa = isa,\n"
    "              __metatable = false}\n"
    "  return methods, mt\n"
    "end\n"
    "\n"
    "-- Python's repr of a plain object, as the locks' __repr__ builds on: no address here.\n"
    "local function obj_repr(name, extra)\n"
    "  return '<asyncio.locks.' .. name .. ' object [' .. extra .. ']>'\n"
    "end\n"
    "\n"
    "local function with_waiters(extra, waiters)\n"
    "  if waiters and #waiters > 0 then extra = extra .. ', waiters:' .. #waiters end\n"
    "  return extra\n"
    "end\n"
    "\n"
    "-- ---- Event ----\n"
    "\n"
    "local Event, Event_mt = class('Event')\n"
    "local EVENT = {[Event_mt] = true}\n"
    "Event_mt.__tostring = function(self)\n"
    "  local extra = self._value and 'set' or 'unset'\n"
    "  return obj_repr('Event', with_waiters(extra, self._waiters))\n"
    "end\n"
    "\n"
    "local function Event_new()\n"
    "  return setmetatable({_waiters = {}, _value = false}, Event_mt)\n"
    "end\n"
    "\n"
    "function Event.is_set(self)\n"
    "  check(self, EVENT, 'Event.is_set')\n"
    "  return self._value\n"
    "end\n"
    "\n"
    "function Event.set(self)\n"
    "  check(self, EVENT, 'Event.set')\n"
    "  if not self._value then\n"
    "    self._value = true\n"
    "    local waiters = self._waiters\n"
    "    for i = 1, #waiters do\n"
    "      local fut = waiters[i]\n"
    "      if not fut:done() then fut:set_result(true) end\n"
    "    end\n"
    "  end\n"
    "end\n"
    "\n"
    "function Event.clear(self)\n"
    "  check(self, EVENT, 'Event.clear')\n"
    "  self._value = false\n"
    "end\n"
    "\n"
    "Event.wait = async('Event.wait', function(self)\n"
    "  check(self, EVENT, 'Event.wait')\n"
    "  if self._value then return true end\n"
    "  local fut = create_future(self)\n"
    "  append(self._waiters, fut)\n"
    "  local ok, err = pcall(await, fut)\n"
    "  remove(self._waiters, fut)\n"
    "  if not ok then reraise(err) end\n"
    "  return true\n"
    "end)\n"
    "\n"
    "-- ---- Lock ----\n"
    "\n"
    "local Lock, Lock_mt = class('Lock')\n"
    "local LOCK = {[Lock_mt] = true}\n"
    "Lock_mt.__tostring = function(self)\n"
    "  local extra = self._locked and 'locked' or 'unlocked'\n"
    "  return obj_repr('Lock', with_waiters(extra, self._waiters))\n"
    "end\n"
    "\n"
    "local function Lock_new()\n"
    "  return setmetatable({_locked = false}, Lock_mt)\n"
    "end\n"
    "\n"
    "function Lock.locked(self)\n"
    "  check(self, LOCK, 'Lock.locked')\n"
    "  return self._locked\n"
    "end\n"
    "\n"
    "local function all_cancelled(waiters)\n"
    "  for i = 1, #waiters do\n"
    "    if not waiters[i]:cancelled() then return false end\n"
    "  end\n"
    "  return true\n"
    "end\n"
    "\n"
    "local function lock_wake_up_first(self)\n"
    "  local waiters = self._waiters\n"
    "  if not waiters or #waiters == 0 then return end\n"
    "  local fut = waiters[1]\n"
    "  if not fut:done() then fut:set_result(true) end\n"
    "end\n"
    "\n"
    "Lock.acquire = async('Lock.acquire', function(self)\n"
    "  check(self, LOCK, 'Lock.acquire')\n"
    "  if not self._locked and (self._waiters == nil or all_cancelled(self._waiters)) then\n"
    "    self._locked = true\n"
    "    return true\n"
    "  end\n"
    "  if self._waiters == nil then self._waiters = {} end\n"
    "  local fut = create_future(self)\n"
    "  append(self._waiters, fut)\n"
    "  local ok, err = pcall(await, fut)\n"
    "  remove(self._waiters, fut)\n"
    "  if not ok then\n"
    "    if isinstance(err, CancelledError) and not self._locked then\n"
    "      lock_wake_up_first(self)\n"
    "    end\n"
    "    reraise(err)\n"
    "  end\n"
    "  self._locked = true\n"
    "  return true\n"
    "end)\n"
    "\n"
    "function Lock.release(self)\n"
    "  check(self, LOCK, 'Lock.release')\n"
    "  if self._locked then\n"
    "    self._locked = false\n"
    "    lock_wake_up_first(self)\n"
    "  else\n"
    "    error(RuntimeError('Lock is not acquired.'))\n"
    "  end\n"
    "end\n"
    "\n"
    "-- ---- Condition ----\n"
    "\n"
    "local Condition, Condition_mt = class('Condition')\n"
    "local CONDITION = {[Condition_mt] = true}\n"
    "Condition_mt.__tostring = function(self)\n"
    "  local extra = self._lock:locked() and 'locked' or 'unlocked'\n"
    "  return obj_repr('Condition', with_waiters(extra, self._waiters))\n"
    "end\n"
    "\n"
    "local function Condition_new(lock)\n"
    "  if lock == nil then lock = Lock_new() end\n"
    "  return setmetatable({_lock = lock, _waiters = {}}, Condition_mt)\n"
    "end\n"
    "\n"
    "function Condition.locked(self)\n"
    "  check(self, CONDITION, 'Condition.locked')\n"
    "  return self._lock:locked()\n"
    "end\n"
    "\n"
    "function Condition.acquire(self)\n"
    "  check(self, CONDITION, 'Condition.acquire')\n"
    "  return self._lock:acquire()\n"
    "end\n"
    "\n"
    "function Condition.release(self)\n"
    "  check(self, CONDITION, 'Condition.release')\n"
    "  return self._lock:release()\n"
    "end\n"
    "\n"
    "Condition.wait = async('Condition.wait', function(self)\n"
    "  check(self, CONDITION, 'Condition.wait')\n"
    "  if not self._lock:locked() then\n"
    "    error(RuntimeError('cannot wait on un-acquired lock'))\n"
    "  end\n"
    "  self._lock:release()\n"
    "  -- try: wait to be notified; finally: take the lock back, whatever happens meanwhile\n"
    "  local ok, err = pcall(function()\n"
    "    local fut = create_future(self)\n"
    "    append(self._waiters, fut)\n"
    "    local ok2, err2 = pcall(await, fut)\n"
    "    remove(self._waiters, fut)\n"
    "    if not ok2 then reraise(err2) end\n"
    "  end)\n"
    "  local cancelled = false\n"
    "  while true do\n"
    "    local ok3, err3 = pcall(await, self._lock:acquire())\n"
    "    if ok3 then break end\n"
    "    if not isinstance(err3, CancelledError) then reraise(err3) end\n"
    "    cancelled = true\n"
    "  end\n"
    "  if cancelled then error(CancelledError()) end\n"
    "  if not ok then reraise(err) end\n"
    "  return true\n"
    "end)\n"
    "\n"
    "Condition.wait_for = async('Condition.wait_for', function(self, predicate)\n"
    "  check(self, CONDITION, 'Condition.wait_for')\n"
    "  local result = predicate()\n"
    "  while not result do\n"
    "    await(Condition.wait(self))\n"
    "    result = predicate()\n"
    "  end\n"
    "  return result\n"
    "end)\n"
    "\n"
    "function Condition.notify(self, n)\n"
    "  check(self, CONDITION, 'Condition.notify')\n"
    "  if n == nil then n = 1 end\n"
    "  if not self._lock:locked() then\n"
    "    error(RuntimeError('cannot notify on un-acquired lock'))\n"
    "  end\n"
    "  local idx = 0\n"
    "  local waiters = self._waiters\n"
    "  for i = 1, #waiters do\n"
    "    if idx >= n then break end\n"
    "    local fut = waiters[i]\n"
    "    if not fut:done() then\n"
    "      idx = idx + 1\n"
    "      fut:set_result(false)\n"
    "    end\n"
    "  end\n"
    "end\n"
    "\n"
    "function Condition.notify_all(self)\n"
    "  check(self, CONDITION, 'Condition.notify_all')\n"
    "  Condition.notify(self, #self._waiters)\n"
    "end\n"
    "\n"
    "-- ---- Semaphore, BoundedSemaphore ----\n"
    "\n"
    "local Semaphore, Semaphore_mt = class('Semaphore')\n"
    "local BoundedSemaphore, BoundedSemaphore_mt = class('BoundedSemaphore', 'Semaphore')\n"
    "local SEMAPHORE = {[Semaphore_mt] = true, [BoundedSemaphore_mt] = true}\n"
    "\n"
    "local function sem_locked(self)\n"
    "  if self._value == 0 then return true end\n"
    "  local waiters = self._waiters\n"
    "  if waiters then\n"
    "    for i = 1, #waiters do\n"
    "      if not waiters[i]:cancelled() then return true end\n"
    "    end\n"
    "  end\n"
    "  return false\n"
    "end\n"
    "\n"
    "local function sem_tostring(self)\n"
    "  local name = self._bound_value and 'BoundedSemaphore' or 'Semaphore'\n"
    "  local extra = 'locked'\n"
    "  if not sem_locked(self) then extra = 'unlocked, value:' .. tostring(self._value) end\n"
    "  return obj_repr(name, with_waiters(extra, self._waiters))\n"
    "end\n"
    "Semaphore_mt.__tostring = sem_tostring\n"
    "BoundedSemaphore_mt.__tostring = sem_tostring\n"
    "\n"
    "local function Semaphore_new(value, mt)\n"
    "  if value == nil then value = 1 end\n"
    "  check_number(value, 'value')\n"
    "  if value < 0 then error(ValueError('Semaphore initial value must be >= 0')) end\n"
    "  return setmetatable({_value = value}, mt or Semaphore_mt)\n"
    "end\n"
    "\n"
    "local function sem_wake_up_next(self)\n"
    "  local waiters = self._waiters\n"
    "  if not waiters or #waiters == 0 then return end\n"
    "  for i = 1, #waiters do\n"
    "    local fut = waiters[i]\n"
    "    if not fut:done() then\n"
    "      self._value = self._value - 1\n"
    "      fut:set_result(true)\n"
    "      return\n"
    "    end\n"
    "  end\n"
    "end\n"
    "\n"
    "function Semaphore.locked(self)\n"
    "  check(self, SEMAPHORE, 'Semaphore.locked')\n"
    "  return sem_locked(self)\n"
    "end\n"
    "\n"
    "Semaphore.acquire = async('Semaphore.acquire', function(self)\n"
    "  check(self, SEMAPHORE, 'Semaphore.acquire')\n"
    "  if not sem_locked(self) then\n"
    "    self._value = self._value - 1\n"
    "    return true\n"
    "  end\n"
    "  if self._waiters == nil then self._waiters = {} end\n"
    "  local fut = create_future(self)\n"
    "  append(self._waiters, fut)\n"
    "  local ok, err = pcall(await, fut)\n"
    "  remove(self._waiters, fut)\n"
    "  if not ok then\n"
    "    if isinstance(err, CancelledError) and not fut:cancelled() then\n"
    "      self._value = self._value + 1\n"
    "      sem_wake_up_next(self)\n"
    "    end\n"
    "    reraise(err)\n"
    "  end\n"
    "  if self._value > 0 then sem_wake_up_next(self) end\n"
    "  return true\n"
    "end)\n"
    "\n"
    "function Semaphore.release(self)\n"
    "  check(self, SEMAPHORE, 'Semaphore.release')\n"
    "  self._value = self._value + 1\n"
    "  sem_wake_up_next(self)\n"
    "end\n"
    "\n"
    "BoundedSemaphore.locked = Semaphore.locked\n"
    "BoundedSemaphore.acquire = Semaphore.acquire\n"
    "\n"
    "function BoundedSemaphore.release(self)\n"
    "  check(self, SEMAPHORE, 'BoundedSemaphore.release')\n"
    "  if self._value >= self._bound_value then\n"
    "    error(ValueError('BoundedSemaphore released too many times'))\n"
    "  end\n"
    "  Semaphore.release(self)\n"
    "end\n"
    "\n"
    "-- ---- Queue, LifoQueue ----\n"
    "\n"
    "local Queue, Queue_mt = class('Queue')\n"
    "local LifoQueue, LifoQueue_mt = class('LifoQueue', 'Queue')\n"
    "local QUEUE = {[Queue_mt] = true, [LifoQueue_mt] = true}\n"
    "\n"
    "-- The items: a deque with explicit ends, so that nil (None) can be queued.\n"
    "local function qsize(self)\n"
    "  local q = self._queue\n"
    "  return q.last - q.first + 1\n"
    "end\n"
    "\n"
    "local function full(self)\n"
    "  if self.maxsize <= 0 then return false end\n"
    "  return qsize(self) >= self.maxsize\n"
    "end\n"
    "\n"
    "local function queue_tostring(self)\n"
    "  local q = self._queue\n"
    "  local result = 'maxsize=' .. repr(self.maxsize)\n"
    "  local n = qsize(self)\n"
    "  if n > 0 then\n"
    "    local items = {n = n}\n"
    "    for i = 1, n do items[i] = q[q.first + i - 1] end\n"
    "    result = result .. ' _queue=' .. repr(items)\n"
    "  end\n"
    "  local getters, putters = #self._getters, #self._putters\n"
    "  if getters > 0 then result = result .. ' _getters[' .. getters .. ']' end\n"
    "  if putters > 0 then result = result .. ' _putters[' .. putters .. ']' end\n"
    "  if self._unfinished_tasks > 0 then\n"
    "    result = result .. ' tasks=' .. self._unfinished_tasks\n"
    "  end\n"
    "  return '<' .. (self._lifo and 'LifoQueue' or 'Queue') .. ' ' .. result .. '>'\n"
    "end\n"
    "Queue_mt.__tostring = queue_tostring\n"
    "LifoQueue_mt.__tostring = queue_tostring\n"
    "\n"
    "local function Queue_new(maxsize, mt)\n"
    "  if maxsize == nil then maxsize = 0 end\n"
    "  check_number(maxsize, 'maxsize')\n"
    "  local self = setmetatable({\n"
    "    maxsize = maxsize,\n"
    "    _getters = {},\n"
    "    _putters = {},\n"
    "    _unfinished_tasks = 0,\n"
    "    _finished = Event_new(),\n"
    "    _queue = {first = 1, last = 0},\n"
    "    _lifo = mt == LifoQueue_mt or nil,\n"
    "  }, mt or Queue_mt)\n"
    "  self._finished:set()\n"
    "  return self\n"
    "end\n"
    "\n"
    "-- Wakes the next waiter (if any) that is not cancelled.\n"
    "local function wakeup_next(waiters)\n"
    "  while #waiters > 0 do\n"
    "    local waiter = tremove(waiters, 1)\n"
    "    if not waiter:done() then\n"
    "      waiter:set_result(nil)\n"
    "      break\n"
    "    end\n"
    "  end\n"
    "end\n"
    "\n"
    "function Queue.qsize(self)\n"
    "  check(self, QUEUE, 'Queue.qsize')\n"
    "  return qsize(self)\n"
    "end\n"
    "\n"
    "function Queue.empty(self)\n"
    "  check(self, QUEUE, 'Queue.empty')\n"
    "  return qsize(self) == 0\n"
    "end\n"
    "\n"
    "function Queue.full(self)\n"
    "  check(self, QUEUE, 'Queue.full')\n"
    "  return full(self)\n"
    "end\n"
    "\n"
    "function Queue.put_nowait(self, item)\n"
    "  check(self, QUEUE, 'Queue.put_nowait')\n"
    "  if full(self) then error(QueueFull()) end\n"
    "  local q = self._queue\n"
    "  q.last = q.last + 1\n"
    "  q[q.last] = item\n"
    "  self._unfinished_tasks = self._unfinished_tasks + 1\n"
    "  self._finished:clear()\n"
    "  wakeup_next(self._getters)\n"
    "end\n"
    "\n"
    "function Queue.get_nowait(self)\n"
    "  check(self, QUEUE, 'Queue.get_nowait')\n"
    "  if qsize(self) == 0 then error(QueueEmpty()) end\n"
    "  local q = self._queue\n"
    "  local item\n"
    "  if self._lifo then\n"
    "    item = q[q.last]\n"
    "    q[q.last] = nil\n"
    "    q.last = q.last - 1\n"
    "  else\n"
    "    item = q[q.first]\n"
    "    q[q.first] = nil\n"
    "    q.first = q.first + 1\n"
    "  end\n"
    "  wakeup_next(self._putters)\n"
    "  return item\n"
    "end\n"
    "\n"
    "Queue.put = async('Queue.put', function(self, item)\n"
    "  check(self, QUEUE, 'Queue.put')\n"
    "  while full(self) do\n"
    "    local putter = create_future(self)\n"
    "    append(self._putters, putter)\n"
    "    local ok, err = pcall(await, putter)\n"
    "    if not ok then\n"
    "      putter:cancel() -- just in case putter is not done yet\n"
    "      remove(self._putters, putter)\n"
    "      if not full(self) and not putter:cancelled() then\n"
    "        -- woken by get_nowait() but cannot take the slot: wake the next in line\n"
    "        wakeup_next(self._putters)\n"
    "      end\n"
    "      reraise(err)\n"
    "    end\n"
    "  end\n"
    "  return Queue.put_nowait(self, item)\n"
    "end)\n"
    "\n"
    "Queue.get = async('Queue.get', function(self)\n"
    "  check(self, QUEUE, 'Queue.get')\n"
    "  while qsize(self) == 0 do\n"
    "    local getter = create_future(self)\n"
    "    append(self._getters, getter)\n"
    "    local ok, err = pcall(await, getter)\n"
    "    if not ok then\n"
    "      getter:cancel() -- just in case getter is not done yet\n"
    "      remove(self._getters, getter)\n"
    "      if qsize(self) > 0 and not getter:cancelled() then\n"
    "        -- woken by put_nowait() but cannot take the item: wake the next in line\n"
    "        wakeup_next(self._getters)\n"
    "      end\n"
    "      reraise(err)\n"
    "    end\n"
    "  end\n"
    "  return Queue.get_nowait(self)\n"
    "end)\n"
    "\n"
    "function Queue.task_done(self)\n"
    "  check(self, QUEUE, 'Queue.task_done')\n"
    "  if self._unfinished_tasks <= 0 then\n"
    "    error(ValueError('task_done() called too many times'))\n"
    "  end\n"
    "  self._unfinished_tasks = self._unfinished_tasks - 1\n"
    "  if self._unfinished_tasks == 0 then self._finished:set() end\n"
    "end\n"
    "\n"
    "Queue.join = async('Queue.join', function(self)\n"
    "  check(self, QUEUE, 'Queue.join')\n"
    "  if self._unfinished_tasks > 0 then await(self._finished:wait()) end\n"
    "end)\n"
    "\n"
    "for k, v in P.pairs(Queue) do\n"
    "  if k ~= '__kind' then LifoQueue[k] = v end\n"
    "end\n"
    "\n"
    "-- ---- wait_for, wait, as_completed (tasks.py) ----\n"
    "\n"
    "local cancel_and_wait = async('_cancel_and_wait', function(fut)\n"
    "  local waiter = new_waiter()\n"
    "  local cb = add_cb(fut, function() release_waiter(waiter) end)\n"
    "  local ok, err = pcall(function()\n"
    "    fut:cancel()\n"
    "    -- not `await fut`, so that _cancel_and_wait itself can be cancelled\n"
    "    await(waiter)\n"
    "  end)\n"
    "  remove_cb(fut, cb)\n"
    "  if not ok then reraise(err) end\n"
    "end)\n"
    "\n"
    "local function result_or_timeout(fut)\n"
    "  local ok, r = pcall(fut.result, fut)\n"
    "  if ok then return r end\n"
    "  if isinstance(r, CancelledError) then error(TimeoutError()) end\n"
    "  reraise(r)\n"
    "end\n"
    "\n"
    "local function wait_for_body(fut, waiter, cb)\n"
    "  local ok, err = pcall(await, waiter)\n"
    "  if not ok then\n"
    "    if not isinstance(err, CancelledError) then reraise(err) end\n"
    "    if fut:done() then return fut:result() end\n"
    "    remove_cb(fut, cb)\n"
    "    -- the inner task must not be running once wait_for() returns (bpo-32751)\n"
    "    await(cancel_and_wait(fut))\n"
    "    reraise(err)\n"
    "  end\n"
    "  if fut:done() then return fut:result() end\n"
    "  remove_cb(fut, cb)\n"
    "  await(cancel_and_wait(fut))\n"
    "  -- a cancellation that failed with some other error re-raises it (bpo-40607)\n"
    "  return result_or_timeout(fut)\n"
    "end\n"
    "\n"
    "M.wait_for = async('wait_for', function(fut, timeout)\n"
    "  if type(timeout) == 'table' and not isfuture(timeout) then -- {timeout = 1}\n"
    "    timeout = timeout.timeout\n"
    "  end\n"
    "  if loop_serial() == nil then error(RuntimeError('no running event loop')) end\n"
    "  if timeout == nil then return await(fut) end\n"
    "  check_number(timeout, 'timeout')\n"
    "  if timeout <= 0 then\n"
    "    fut = ensure_future(fut)\n"
    "    if fut:done() then return fut:result() end\n"
    "    await(cancel_and_wait(fut))\n"
    "    return result_or_timeout(fut)\n"
    "  end\n"
    "  local waiter = new_waiter()\n"
    "  local timeout_handle = call_later(timeout, 'wait_for timeout', release_waiter,\n"
    "                                    waiter)\n"
    "  fut = ensure_future(fut)\n"
    "  local cb = add_cb(fut, function() release_waiter(waiter) end)\n"
    "  local ok, r = pcall(wait_for_body, fut, waiter, cb)\n"
    "  timer_cancel(timeout_handle)\n"
    "  if not ok then reraise(r) end\n"
    "  return r\n"
    "end)\n"
    "\n"
    "-- shield(aw): a future that follows aw; cancelling it leaves aw running.\n"
    "function M.shield(arg)\n"
    "  local inner = ensure_future(arg)\n"
    "  if inner:done() then return inner end\n"
    "  local outer = new_waiter()\n"
    "  local function inner_done_callback()\n"
    "    if outer:cancelled() then\n"
    "      if not inner:cancelled() then inner:exception() end\n"
    "      return\n"
    "    end\n"
    "    if inner:cancelled() then\n"
    "      outer:cancel()\n"
    "    else\n"
    "      local exc = inner:exception()\n"
    "      if exc ~= nil then\n"
    "        outer:set_exception(exc)\n"
    "      else\n"
    "        outer:set_result(inner:result())\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "  local key = add_cb(inner, inner_done_callback)\n"
    "  add_cb(outer, function()\n"
    "    if not inner:done() then remove_cb(inner, key) end\n"
    "  end)\n"
    "  return outer\n"
    "end\n"
    "\n"
    "local FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED =\n"
    "  'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED'\n"
    "M.FIRST_COMPLETED, M.FIRST_EXCEPTION, M.ALL_COMPLETED =\n"
    "  FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED\n"
    "\n"
    "-- set(fs): each distinct item once, in order of first appearance.\n"
    "local function unique(fs)\n"
    "  local seen, out = {}, {}\n"
    "  local n = fs.n or #fs\n"
    "  for i = 1, n do\n"
    "    local f = fs[i]\n"
    "    if f ~= nil and not seen[f] then\n"
    "      seen[f] = true\n"
    "      out[#out + 1] = f\n"
    "    end\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "\n"
    "local function by_id(a, b)\n"
    "  return fid(a) < fid(b)\n"
    "end\n"
    "\n"
    "local function wait_inner(fs, timeout, return_when)\n"
    "  local waiter = new_waiter()\n"
    "  local timeout_handle\n"
    "  if timeout ~= nil then\n"
    "    timeout_handle = call_later(timeout, 'wait timeout', release_waiter, waiter)\n"
    "  end\n"
    "  local counter = #fs\n"
    "  local function on_completion(f)\n"
    "    counter = counter - 1\n"
    "    if counter <= 0 or return_when == FIRST_COMPLETED or\n"
    "        (return_when == FIRST_EXCEPTION and not f:cancelled() and\n"
    "         f:exception() ~= nil) then\n"
    "      if timeout_handle then timer_cancel(timeout_handle) end\n"
    "      if not waiter:done() then waiter:set_result(nil) end\n"
    "    end\n"
    "  end\n"
    "  local keys = {}\n"
    "  for i = 1, #fs do keys[i] = add_cb(fs[i], on_completion) end\n"
    "  local ok, err = pcall(await, waiter)\n"
    "  if timeout_handle then timer_cancel(timeout_handle) end\n"
    "  for i = 1, #fs do remove_cb(fs[i], keys[i]) end\n"
    "  if not ok then reraise(err) end\n"
    "  local done, pending = {}, {}\n"
    "  for i = 1, #fs do\n"
    "    local f = fs[i]\n"
    "    if f:done() then append(done, f) else append(pending, f) end\n"
    "  end\n"
    "  -- sets in Python; here lists in the order the tasks and futures were made\n"
    "  sort(done, by_id)\n"
    "  sort(pending, by_id)\n"
    "  return done, pending\n"
    "end\n"
    "\n"
    "M.wait = async('wait', function(fs, opts)\n"
    "  local timeout, return_when = nil, ALL_COMPLETED\n"
    "  if opts ~= nil then\n"
    "    if type(opts) ~= 'table' then\n"
    "      error(TypeError('wait() takes its options as a table {timeout=, return_when=}'))\n"
    "    end\n"
    "    timeout = opts.timeout\n"
    "    if opts.return_when ~= nil then return_when = opts.return_when end\n"
    "  end\n"
    "  if isfuture(fs) or iscoro(fs) or type(fs) ~= 'table' then\n"
    "    error(TypeError('expect a list of futures, not ' .. typename(fs)))\n"
    "  end\n"
    "  if (fs.n or #fs) == 0 then error(ValueError('Set of Tasks/Futures is empty.')) end\n"
    "  if return_when ~= FIRST_COMPLETED and return_when ~= FIRST_EXCEPTION and\n"
    "      return_when ~= ALL_COMPLETED then\n"
    "    error(ValueError('Invalid return_when value: ' .. tostring(return_when)))\n"
    "  end\n"
    "  fs = unique(fs)\n"
    "  for i = 1, #fs do\n"
    "    if iscoro(fs[i]) then\n"
    "      error(TypeError('Passing coroutines is forbidden, use tasks explicitly.'))\n"
    "    end\n"
    "    if not isfuture(fs[i]) then\n"
    "      local what = typename(fs[i])\n"
    "      error(TypeError('expect a list of futures, got ' .. what .. ' in it'))\n"
    "    end\n"
    "  end\n"
    "  if loop_serial() == nil then error(RuntimeError('no running event loop')) end\n"
    "  if timeout ~= nil then check_number(timeout, 'timeout') end\n"
    "  return wait_inner(fs, timeout, return_when)\n"
    "end)\n"
    "\n"
    "local TIMED_OUT = {} -- the dummy value _on_timeout() queues\n"
    "\n"
    "function M.as_completed(fs, opts)\n"
    "  local timeout = opts ~= nil and type(opts) == 'table' and opts.timeout or nil\n"
    "  if isfuture(fs) or iscoro(fs) or type(fs) ~= 'table' then\n"
    "    error(TypeError('expect an iterable of futures, not ' .. typename(fs)))\n"
    "  end\n"
    "  if timeout ~= nil then check_number(timeout, 'timeout') end\n"
    "  local started, count, yielded = false, 0, 0\n"
    "  local done, todo, todo_list, todo_n, timeout_handle\n"
    "  local on_completion\n"
    "  local function on_timeout()\n"
    "    for i = 1, #todo_list do\n"
    "      local f = todo_list[i]\n"
    "      if todo[f] then\n"
    "        remove_cb(f, todo[f])\n"
    "        done:put_nowait(TIMED_OUT)\n"
    "      end\n"
    "    end\n"
    "    todo, todo_n = {}, 0\n"
    "  end\n"
    "  on_completion = function(f)\n"
    "    if todo_n == 0 then return end -- _on_timeout() was here first\n"
    "    todo[f] = nil\n"
    "    todo_n = todo_n - 1\n"
    "    done:put_nowait(f)\n"
    "    if todo_n == 0 and timeout_handle then timer_cancel(timeout_handle) end\n"
    "  end\n"
    "  local wait_for_one = async('as_completed.<locals>._wait_for_one', function()\n"
    "    local f = await(done:get())\n"
    "    if f == TIMED_OUT then error(TimeoutError()) end\n"
    "    return f:result() -- may raise f's exception\n"
    "  end)\n"
    "  -- a generator in CPython: nothing happens before the first step of the iteration\n"
    "  return function()\n"
    "    if not started then\n"
    "      started = true\n"
    "      done = Queue_new()\n"
    "      todo, todo_list, todo_n = {}, {}, 0\n"
    "      local items = unique(fs)\n"
    "      for i = 1, #items do\n"
    "        local f = ensure_future(items[i])\n"
    "        if not todo[f] then\n"
    "          todo[f] = 0\n"
    "          todo_n = todo_n + 1\n"
    "          append(todo_list, f)\n"
    "        end\n"
    "      end\n"
    "      for i = 1, #todo_list do\n"
    "        local f = todo_list[i]\n"
    "        todo[f] = add_cb(f, on_completion)\n"
    "      end\n"
    "      if todo_n > 0 and timeout ~= nil then\n"
    "        timeout_handle = call_later(timeout, 'as_completed timeout', on_timeout)\n"
    "      end\n"
    "      count = todo_n\n"
    "    end\n"
    "    if yielded >= count then return nil end\n"
    "    yielded = yielded + 1\n"
    "    return wait_for_one()\n"
    "  end\n"
    "end\n"
    "\n"
    "-- ---- the classes, as asyncio names them: callable, and known to isinstance ----\n"
    "\n"
    "local function class_table(name, kind, make)\n"
    "  return setmetatable({__kind = kind}, {\n"
    "    __call = function(_, ...) return make(...) end,\n"
    "    __tostring = function() return \"<class '\" .. name .. \"'>\" end,\n"
    "    __metatable = false,\n"
    "  })\n"
    "end\n"
    "\n"
    "M.Queue = class_table('asyncio.queues.Queue', 'Queue', function(maxsize)\n"
    "  if type(maxsize) == 'table' then maxsize = maxsize.maxsize end\n"
    "  return Queue_new(maxsize)\n"
    "end)\n"
    "M.LifoQueue = class_table('asyncio.queues.LifoQueue', 'LifoQueue', function(maxsize)\n"
    "  if type(maxsize) == 'table' then maxsize = maxsize.maxsize end\n"
    "  return Queue_new(maxsize, LifoQueue_mt)\n"
    "end)\n"
    "M.Lock = class_table('asyncio.locks.Lock', 'Lock', Lock_new)\n"
    "M.Event = class_table('asyncio.locks.Event', 'Event', Event_new)\n"
    "M.Condition = class_table('asyncio.locks.Condition', 'Condition', Condition_new)\n"
    "M.Semaphore = class_table('asyncio.locks.Semaphore', 'Semaphore', function(value)\n"
    "  if type(value) == 'table' then value = value.value end\n"
    "  return Semaphore_new(value)\n"
    "end)\n"
    "M.BoundedSemaphore = class_table('asyncio.locks.BoundedSemaphore', 'BoundedSemaphore',\n"
    "                                 function(value)\n"
    "  if type(value) == 'table' then value = value.value end\n"
    "  if value == nil then value = 1 end\n"
    "  local self = Semaphore_new(value, BoundedSemaphore_mt)\n"
    "  self._bound_value = value\n"
    "  return self\n"
    "end)\n"
    "\n"
    "return M\n";

static int dump_writer(lua_State *L, const void *p, size_t n, void *ud) {
  (void)L;
  lx_sbuf *b = ud;
  lx_sb_add(b, p, n);
  return b->oom;
}

/* The chunk compiled and stripped (see the top of this file), once per process: compiling
 * it would double the cost of making a runtime. Immutable once built. */
static lx_sbuf stripped;
static pthread_once_t stripped_once = PTHREAD_ONCE_INIT;

static void build_stripped(void) {
  lua_State *L = luaL_newstate();
  if (!L) return;
  if (luaL_loadbufferx(L, sync_lua, sizeof sync_lua - 1, "=asyncio", "t") == LUA_OK &&
      (lua_dump(L, dump_writer, &stripped, 1) || stripped.oom)) {
    free(stripped.p);
    stripped = (lx_sbuf){0};
  }
  lua_close(L);
}

/* Pushes the chunk, with no globals: everything it uses is handed in. */
static void load_stripped(lua_State *L) {
  pthread_once(&stripped_once, build_stripped);
  if (!stripped.p) {
    /* out of memory, or a bug in the text above (the tests would say which) */
    if (luaL_loadbufferx(L, sync_lua, sizeof sync_lua - 1, "=asyncio", "t") != LUA_OK)
      lua_error(L);
    luaL_error(L, "out of memory loading asyncio");
  }
  if (luaL_loadbufferx(L, stripped.p, stripped.n, "=asyncio", "b") != LUA_OK) lua_error(L);
  lua_newtable(L);
  lua_setupvalue(L, -2, 1);
}

void lx_open_sync(lua_State *L, int env) {
  env = lua_absindex(L, env);
  load_stripped(L);
  lua_createtable(L, 0, 40); /* P */
  static const char *const from_env[] = {
      "async",     "await",          "pcall",        "error",      "setmetatable",
      "type",      "tostring",       "rawequal",     "pairs",      "isinstance",
      "repr",      "CancelledError", "TimeoutError", "ValueError", "RuntimeError",
      "TypeError", "QueueEmpty",     "QueueFull",    NULL};
  for (int i = 0; from_env[i]; i++) {
    lua_getfield(L, env, from_env[i]);
    lua_setfield(L, -2, from_env[i]);
  }
  lua_getfield(L, env, "table");
  lua_getfield(L, -1, "sort");
  lua_setfield(L, -3, "sort");
  lua_getfield(L, -1, "remove");
  lua_setfield(L, -3, "remove");
  lua_pop(L, 1);
  lua_getfield(L, env, "asyncio");
  int asyncio = lua_gettop(L);
  lua_getfield(L, asyncio, "create_task");
  lua_setfield(L, -3, "create_task");
  lua_pop(L, 1);
  static const luaL_Reg helpers[] = {{"waiter", s_waiter},
                                     {"call_later", s_call_later},
                                     {"timer_cancel", s_timer_cancel},
                                     {"isfuture", s_isfuture},
                                     {"iscoro", s_iscoro},
                                     {"fid", s_fid},
                                     {"loop_serial", s_loop_serial},
                                     {"kindname", s_kindname},
                                     {"add_cb", s_add_cb},
                                     {"remove_cb", s_remove_cb},
                                     {"rawmeta", s_rawmeta},
                                     {NULL, NULL}};
  luaL_setfuncs(L, helpers, 0);
  lua_call(L, 1, 1); /* M: what goes into the asyncio table */
  lua_getfield(L, env, "asyncio");
  lua_pushnil(L);
  while (lua_next(L, -3)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_settable(L, -4);
  }
  lua_pop(L, 2);
}

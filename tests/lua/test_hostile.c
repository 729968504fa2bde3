/* test_hostile.c -- lessons that try to hurt the program: each must end in a clear message and a
 * live process (LX_EFAIL or LX_OK, never a crash or a hang). `test_hostile NAME` runs one test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx.h"
#include "lx_fixture.h"

/* Runs src with small limits, so every hostile lesson ends fast. */
static int run_src(const char *src, cap *c, char *msg, size_t msglen, lx_options *o,
                   lx_rt **keep) {
  return fixture_run(src, c, msg, msglen, o, (lx_options){.step_budget = 200000, .mem_limit = 32u << 20, .max_time = 60,
                    .max_handles = 100000}, keep);
}

/* Runs src with small limits and checks its status and the message (NULL: not checked). */
static void expect(const char *src, int rc_want, const char *msg_has, cap *c) {
  char m[8192];
  int rc = run_src(src, c, m, sizeof m, NULL, NULL);
  if (rc != rc_want) fprintf(stderr, "rc %d, expected %d for:\n%s\nmessage: %s\n", rc, rc_want, src, m);
  CHECK(rc == rc_want);
  if (msg_has) CHECK_CONTAINS(m, msg_has);
}

static void t_tostring_error(void) {
  cap c;
  expect("local t = setmetatable({}, {__tostring = function() error('boom') end})\n"
         "print(t)\nprint('after')\n",
         LX_EFAIL, "t.lua:1: boom", &c);
  CHECK(strstr(c.out, "after") == NULL);
  expect("local t = setmetatable({}, {__tostring = function() error('boom') end})\n"
         "main = async(function()\n  print('x', t)\nend)\n",
         LX_EFAIL, "File \"t.lua\", line 3, in main", &c);
  /* caught, the program goes on */
  expect("local t = setmetatable({}, {__tostring = function() error('boom') end})\n"
         "main = async(function()\n  print(pcall(print, {t}))\n  print('alive')\nend)\n",
         LX_OK, NULL, &c);
  CHECK_CONTAINS(c.out, "False");
  CHECK_CONTAINS(c.out, "alive\n");
  /* inside a Future's repr */
  expect("main = async(function()\n"
         "  local t = setmetatable({}, {__tostring = function() error('r') end})\n"
         "  local f = asyncio.Future() f:set_result({t}) print(f)\nend)\n",
         LX_EFAIL, "t.lua:2: r", &c);
  /* __tostring that prints itself: the C stack limit, not a crash */
  expect("local t t = setmetatable({}, {__tostring = function() print(t) return 'x' end})\n"
         "print(t)\n",
         LX_EFAIL, "stack overflow", &c);
  /* __tostring that never returns: the step budget */
  expect("local t = setmetatable({}, {__tostring = function() while true do end end})\n"
         "main = async(function() print(t) end)\n",
         LX_EFAIL, "without awaiting at t.lua:1", &c);
  /* __tostring that awaits */
  expect("local t = setmetatable({}, {__tostring = function() await(asyncio.sleep(1)) end})\n"
         "main = async(function() print(t) end)\n",
         LX_EFAIL, "yield across a C-call boundary", &c);
}

static void t_tostring_nonstring(void) {
  cap c;
  expect("local t = setmetatable({}, {__tostring = function() return 42 end})\nprint(t)\n"
         "main = async(function() print(t) end)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "42\n42\n"));
  expect("local t = setmetatable({}, {__tostring = function() return {} end})\nprint(t)\n",
         LX_EFAIL, "'__tostring' must return a string", &c);
  expect("local t = setmetatable({}, {__tostring = function() return nil end})\n"
         "main = async(function() print(t) end)\n",
         LX_EFAIL, "'__tostring' must return a string", &c);
}

static void t_error_values(void) {
  static const struct {
    const char *val, *desc;
  } vals[] = {
      {"{code = 1}", "(error object is a table value)"},
      {"nil", "(error object is a nil value)"},
      {"42", "42"},
      {"true", "(error object is a boolean value)"},
      {"function() end", "(error object is a function value)"},
      {"setmetatable({}, {__tostring = function() error('inner') end})",
       "(error object is a table value)"},
      {"setmetatable({}, {__tostring = function() return 'custom' end})", "custom"},
  };
  for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
    char src[512];
    cap c;
    snprintf(src, sizeof src, "error(%s)\n", vals[i].val);
    expect(src, LX_EFAIL, vals[i].desc, &c);
    expect(src, LX_EFAIL, "File \"t.lua\", line 1, in <module>", &c);
    snprintf(src, sizeof src, "main = async(function()\n  error(%s)\nend)\n", vals[i].val);
    expect(src, LX_EFAIL, vals[i].desc, &c);
    expect(src, LX_EFAIL, "File \"t.lua\", line 2, in main", &c);
    /* from a child task, retrieved by the parent */
    snprintf(src, sizeof src,
             "local bad = async(function() error(%s) end)\n"
             "main = async(function()\n  local t = asyncio.create_task(bad())\n"
             "  await(asyncio.sleep(0.1))\n  print('alive')\n"
             "  local ok = pcall(function() await(t) end)\n  print(ok)\nend)\n",
             vals[i].val);
    expect(src, LX_OK, NULL, &c);
    CHECK(!strcmp(c.out, "alive\nFalse\n"));
  }
}

static void t_callback_errors(void) {
  cap c;
  expect("main = async(function()\n  local loop = asyncio.get_running_loop()\n"
         "  loop:call_soon(function() error('cb boom') end)\n"
         "  await(asyncio.sleep(1))\n  print('after')\nend)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "after\n"));
  CHECK_CONTAINS(c.err, "Exception in callback");
  CHECK_CONTAINS(c.err, "t.lua:3: cb boom");
  expect("main = async(function()\n  local t = asyncio.create_task(asyncio.sleep(0.5))\n"
         "  t:add_done_callback(function(f) error('done boom') end)\n"
         "  await(asyncio.sleep(1))\n  print('after')\nend)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "after\n"));
  CHECK_CONTAINS(c.err, "Exception in callback");
  CHECK_CONTAINS(c.err, "t.lua:3: done boom");
  /* a callback raising a table whose __tostring raises */
  expect("main = async(function()\n  local loop = asyncio.get_running_loop()\n"
         "  loop:call_soon(function()\n"
         "    error(setmetatable({}, {__tostring = function() error('x') end}))\n  end)\n"
         "  await(asyncio.sleep(1))\n  print('after')\nend)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "after\n"));
  CHECK_CONTAINS(c.err, "Exception in callback");
}

static void t_recursion(void) {
  cap c;
  expect("local function f(n) return 1 + f(n + 1) end\nf(1)\n", LX_EFAIL, NULL, &c);
  expect("local function f(n) return 1 + f(n + 1) end\n"
         "main = async(function()\n  f(1)\nend)\n",
         LX_EFAIL, "more frames", &c);
  expect("local function f(n) return 1 + f(n + 1) end\n"
         "main = async(function()\n  f(1)\nend)\n",
         LX_EFAIL, "File \"t.lua\", line 1, in f", &c);
  /* recursion through await */
  expect("local g\ng = async(function(n) return await(g(n + 1)) end)\n"
         "main = async(function() await(g(1)) end)\n",
         LX_EFAIL, "stack overflow", &c);
  /* through pcall, caught: the program goes on */
  expect("local function f() return pcall(f) end\n"
         "main = async(function()\n  print((f()))\n  print('alive')\nend)\n",
         LX_OK, NULL, &c);
  CHECK_CONTAINS(c.out, "alive\n");
}

static void t_await_nonawaitable(void) {
  static const char *const vals[] = {"42", "{}", "nil", "print", "'str'", ""};
  static const char *const names[] = {"number", "table", "nil", "function", "string", "nil"};
  for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
    char src[256], want[128];
    cap c;
    snprintf(src, sizeof src, "main = async(function()\n  await(%s)\nend)\n", vals[i]);
    snprintf(want, sizeof want, "TypeError: object %s can't be used in 'await' expression",
             names[i]);
    expect(src, LX_EFAIL, want, &c);
    expect(src, LX_EFAIL, "File \"t.lua\", line 2, in main", &c);
  }
}

static void t_metatable_tricks(void) {
  cap c;
  expect("getmetatable('').__index = function() error('hijacked') end\n"
         "main = async(function() print(('x'):upper()) end)\n",
         LX_EFAIL, "t.lua:1: hijacked", &c);
  expect("local mt = getmetatable('')\nmt.__index = nil\n"
         "main = async(function() print(string.format('%d', 1)) end)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "1\n"));
  expect("setmetatable(asyncio, {__index = function() error('nope') end})\n"
         "main = async(function() await(asyncio.sleep(1)) print('ok') end)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "ok\n"));
  expect("asyncio.sleep = 5\nmain = async(function() await(asyncio.sleep(1)) end)\n", LX_EFAIL,
         "t.lua:2: attempt to call a number value", &c);
  /* the globals the runner itself uses, replaced before it runs main */
  expect("await = nil\nasync = 3\nprint = 7\nmain = function() end\n", LX_OK, NULL, &c);
  expect("async = 3\nmain = function() error('in main') end\n", LX_EFAIL, "in main", &c);
  expect("asyncio = nil\nmain = function() end\n", LX_OK, NULL, &c);
  expect("local a = async\nawait = function() return 1 end\nprint = nil\n"
         "main = a(function() await(asyncio.sleep(1)) end)\n",
         LX_OK, NULL, &c);
  expect("main = async(function() print = nil print('x') end)\n", LX_EFAIL,
         "attempt to call a nil value", &c);
  expect("setmetatable(_ENV, {__index = function(_, k) error('no ' .. k) end})\n"
         "main = async(function() print(undefined_name) end)\n",
         LX_EFAIL, "no undefined_name", &c);
}

static void t_string_bombs(void) {
  cap c;
  expect("local s = string.rep('x', 1 << 40)\n", LX_EFAIL, "t.lua:1:", &c);
  expect("local s = string.rep('abc', 1e8, ',')\n", LX_EFAIL, "not enough memory", &c);
  expect("local s = 'x' for i = 1, 40 do s = s .. s end\n", LX_EFAIL, "not enough memory", &c);
  expect("main = async(function()\n  local s = 'x'\n  for i = 1, 40 do s = s .. s end\nend)\n",
         LX_EFAIL, "not enough memory", &c);
  expect("local s = ('x'):rep(1e7):rep(1e7)\n", LX_EFAIL, NULL, &c);
}

static void t_deep_table(void) {
  cap c;
  expect("t = {} t.t = t print(t)\nmain = async(function() print(t) end)\n", LX_OK, NULL, &c);
  CHECK_CONTAINS(c.out, "{'t': {'t': ");
  CHECK_CONTAINS(c.out, "[...]");
  expect("local d = {} local c = d for i = 1, 100000 do c.n = {} c = c.n end print(d)\n"
         "local l = {} local c2 = l for i = 1, 100000 do c2[1] = {} c2 = c2[1] end print(l)\n",
         LX_OK, NULL, &c);
  CHECK_CONTAINS(c.out, "{'n': {'n': ");
  CHECK_CONTAINS(c.out, "[[[[");
  /* a table key that is the table itself */
  expect("local t = {} t[t] = t print(t)\n", LX_OK, NULL, &c);
}

static void t_coroutines_in_task(void) {
  cap c;
  expect("main = async(function()\n"
         "  local g = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)\n"
         "  print(g(), g(), g())\n  await(asyncio.sleep(1))\n  print('done')\nend)\n",
         LX_OK, NULL, &c);
  CHECK(!strcmp(c.out, "1 2 3\ndone\n"));
  expect("main = async(function()\n  coroutine.yield(1)\n  print('after yield')\nend)\n", LX_OK,
         NULL, &c);
  expect("main = async(function()\n"
         "  local g = coroutine.wrap(function() await(asyncio.sleep(1)) return 5 end)\n"
         "  print(g())\nend)\n",
         LX_EFAIL, "await outside a running coroutine", &c);
  expect("coroutine.yield(1)\n", LX_EFAIL, "yield from outside a coroutine", &c);
  expect("main = async(function()\n  local co = coroutine.running()\n"
         "  print(coroutine.resume(co))\n  print(coroutine.status(co))\nend)\n",
         LX_OK, NULL, &c);
  CHECK_CONTAINS(c.out, "False");
}

static void t_nested_run(void) {
  cap c;
  expect("main = async(function()\n  asyncio.run(async(function() print('inner') end)())\n"
         "  print('after')\nend)\n",
         LX_EFAIL, "asyncio.run() cannot be called from a running event loop", &c);
  CHECK(strstr(c.out, "inner") == NULL);
  expect("main = async(function()\n  print(pcall(asyncio.run, async(function() end)()))\n"
         "  print('alive')\nend)\n",
         LX_OK, NULL, &c);
  CHECK_CONTAINS(c.out, "alive\n");
}

static void t_self_await(void) {
  cap c;
  expect("main = async(function()\n  await(asyncio.current_task())\nend)\n", LX_EFAIL,
         "Task cannot await on itself", &c);
  expect("main = async(function()\n  local t\n"
         "  t = asyncio.create_task(async(function() await(asyncio.sleep(0)) await(t) end)())\n"
         "  await(t)\nend)\n",
         LX_EFAIL, "Task cannot await on itself", &c);
}

static void t_gather_bad(void) {
  cap c;
  expect("main = async(function()\n  await(asyncio.gather(42, {}, nil))\nend)\n", LX_EFAIL,
         "TypeError: An asyncio.Future, a coroutine or an awaitable is required", &c);
  expect("main = async(function()\n  await(asyncio.gather(print))\nend)\n", LX_EFAIL,
         "File \"t.lua\", line 2, in main", &c);
  expect("main = async(function()\n  await(asyncio.wait_for(42, 1))\nend)\n", LX_EFAIL, NULL,
         &c);
}

static const struct {
  const char *name;
  void (*fn)(void);
} tests[] = {
    {"tostring_error", t_tostring_error},
    {"tostring_nonstring", t_tostring_nonstring},
    {"error_values", t_error_values},
    {"callback_errors", t_callback_errors},
    {"recursion", t_recursion},
    {"await_nonawaitable", t_await_nonawaitable},
    {"metatable_tricks", t_metatable_tricks},
    {"string_bombs", t_string_bombs},
    {"deep_table", t_deep_table},
    {"coroutines_in_task", t_coroutines_in_task},
    {"nested_run", t_nested_run},
    {"self_await", t_self_await},
    {"gather_bad", t_gather_bad},
};

int main(int argc, char **argv) {
  int ran = 0;
  for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
    if (argc > 1 && strcmp(argv[1], tests[i].name)) continue;
    tests[i].fn();
    ran++;
  }
  if (!ran) {
    fprintf(stderr, "no test named %s\n", argc > 1 ? argv[1] : "?");
    return 2;
  }
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}

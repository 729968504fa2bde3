/* test_lx.c -- the lesson runtime through its C API: traces, runs, sandbox and limits.
 * `test_lx NAME` runs one test; each ctest entry is its own process. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx.h"
#include "lx_fixture.h"

/* Runs src with the runtime's defaults. */
static int run_src(const char *src, cap *c, char *msg, size_t msglen, lx_options *o,
                   lx_rt **keep) {
  return fixture_run(src, c, msg, msglen, o, (lx_options){0}, keep);
}

static const char *SYNC_ASYNC =
    "lesson { id = 'sva', compare = { 'sync_main', 'async_main' } }\n"
    "function sync_task(name, d)\n"
    "  print(name .. ' start')\n"
    "  time.sleep(d)\n"
    "  print(name .. ' done')\n"
    "end\n"
    "function sync_main()\n"
    "  sync_task('Task 1', 2) sync_task('Task 2', 3) sync_task('Task 3', 1)\n"
    "end\n"
    "local async_task = async(function(name, d)\n"
    "  print(name .. ' start')\n"
    "  await(asyncio.sleep(d))\n"
    "  print(name .. ' done')\n"
    "end)\n"
    "async_main = async(function()\n"
    "  await(asyncio.gather(async_task('Task 1', 2), async_task('Task 2', 3),\n"
    "                       async_task('Task 3', 1)))\n"
    "end)\n";

static void t_determinism(void) {
  cap c1, c2;
  char m1[4096], m2[4096];
  lx_rt *a, *b;
  CHECK(run_src(SYNC_ASYNC, &c1, m1, sizeof m1, NULL, &a) == LX_OK);
  CHECK(run_src(SYNC_ASYNC, &c2, m2, sizeof m2, NULL, &b) == LX_OK);
  CHECK(lx_run_count(a) == 2 && lx_run_count(b) == 2);
  for (size_t i = 0; i < 2 && i < lx_run_count(a); i++) {
    const ls_trace *ta = lx_run_get(a, i)->trace, *tb = lx_run_get(b, i)->trace;
    CHECK(trace_count(ta) == trace_count(tb));
    CHECK(trace_count(ta) > 10);
    CHECK(trace_hash(ta) == trace_hash(tb));
    for (size_t k = 0; k < trace_count(ta) && k < trace_count(tb); k++)
      CHECK(!memcmp(trace_get(ta, k), trace_get(tb, k), sizeof(ls_trace_rec)));
  }
  CHECK(!strcmp(c1.out, c2.out));
  lx_free(a);
  lx_free(b);
}

static void t_compare_runs(void) {
  cap c;
  char m[4096];
  lx_rt *rt;
  CHECK(run_src(SYNC_ASYNC, &c, m, sizeof m, NULL, &rt) == LX_OK);
  CHECK(lx_run_count(rt) == 2);
  const lx_runinfo *s = lx_run_get(rt, 0), *a = lx_run_get(rt, 1);
  CHECK(!strcmp(s->name, "sync_main"));
  CHECK(!strcmp(a->name, "async_main"));
  CHECK_EQ_D(s->total, 6.0);
  CHECK_EQ_D(a->total, 3.0);
  const char *h1 = strstr(c.err, "== sync_main =="), *h2 = strstr(c.err, "== async_main ==");
  CHECK(h1 && h2 && h1 < h2);
  CHECK_CONTAINS(c.out, "Task 1 start\nTask 1 done\nTask 2 start\nTask 2 done\nTask 3 start\n"
                        "Task 3 done\nTask 1 start\nTask 2 start\nTask 3 start\nTask 3 done\n"
                        "Task 1 done\nTask 2 done\n");
  /* the sync run is blocked 2 + 3 + 1 s; the async one never is */
  double blocked = 0;
  for (size_t k = 0; k < trace_count(s->trace); k++) {
    const ls_trace_rec *r = trace_get(s->trace, k);
    if (r->kind == LS_EV_BLOCK) blocked += (double)(r->arg - r->t) / 1e9;
  }
  CHECK_EQ_D(blocked, 6.0);
  for (size_t k = 0; k < trace_count(a->trace); k++)
    CHECK(trace_get(a->trace, k)->kind != LS_EV_BLOCK);
  CHECK(lx_output_count(rt) == 12);
  lx_free(rt);
}

static void t_sandbox_doors(void) {
  static const char *const doors[] = {
      "os.execute('touch /tmp/loopscope-pwned')",
      "io.popen('id')",
      "io.open('/etc/passwd')",
      "require('socket')",
      "package.loadlib('libc.so.6', 'system')",
      "dofile('/etc/passwd')",
      "loadfile('/etc/passwd')",
      "debug.sethook()",
      "assert(load(string.dump(function() end)))()",
      "os.exit(3)",
      "os.getenv('HOME')",
  };
  for (size_t i = 0; i < sizeof doors / sizeof doors[0]; i++) {
    char src[512], m[4096];
    cap c;
    snprintf(src, sizeof src, "%s\nprint('escaped')\n", doors[i]);
    int rc = run_src(src, &c, m, sizeof m, NULL, NULL);
    if (rc != LX_EFAIL || strstr(c.out, "escaped"))
      fprintf(stderr, "door left open: %s (rc %d, out '%s')\n", doors[i], rc, c.out);
    CHECK(rc == LX_EFAIL);
    CHECK(strstr(c.out, "escaped") == NULL);
    CHECK(strstr(m, "t.lua:1:") != NULL || strstr(m, "line 1") != NULL);
  }
  FILE *f = fopen("/tmp/loopscope-pwned", "r");
  CHECK(f == NULL);
  if (f) fclose(f);
}

static void t_lesson_fields(void) {
  cap c;
  char m[4096];
  lx_rt *rt;
  const char *src = "lesson { id = 'x', title = { ko = '동기', en = 'Sync' }, text = 'both',\n"
                    "  expect = { output = { 'a', 'b' }, total = 3.5 } }\n";
  CHECK(run_src(src, &c, m, sizeof m, NULL, &rt) == LX_OK);
  const lx_lesson *ls = lx_lesson_info(rt);
  CHECK(ls != NULL);
  if (ls) {
    CHECK(!strcmp(ls->id, "x"));
    CHECK(!strcmp(ls->title.ko, "동기") && !strcmp(ls->title.en, "Sync"));
    CHECK(!strcmp(ls->text.ko, "both") && !strcmp(ls->text.en, "both"));
    CHECK(ls->has_expect_output && ls->nexpect_output == 2);
    CHECK(!strcmp(ls->expect_output[1], "b"));
    CHECK(ls->has_expect_total);
    CHECK_EQ_D(ls->expect_total, 3.5);
  }
  lx_free(rt);
  CHECK(run_src("lesson { compare = 'main' }", &c, m, sizeof m, NULL, NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "compare");
}

static void t_never_awaited(void) {
  cap c;
  char m[4096];
  const char *src = "local test = async(function() print('never scheduled') end)\n"
                    "main = async(function()\n  test()\n  print('main done')\nend)\n";
  CHECK(run_src(src, &c, m, sizeof m, NULL, NULL) == LX_OK);
  CHECK(!strcmp(c.out, "main done\n"));
  CHECK_CONTAINS(c.err, "t.lua:3: RuntimeWarning: coroutine 'test' was never awaited");
  lx_options o = {.debug = 1};
  CHECK(run_src(src, &c, m, sizeof m, &o, NULL) == LX_OK);
  CHECK_CONTAINS(c.err, "Coroutine created at (most recent call last)");
  CHECK_CONTAINS(c.err, "line 3, in main");
}

static void t_budget(void) {
  cap c;
  char m[4096];
  lx_options o = {.step_budget = 200000};
  const char *src = "local spin = async(function()\n  while true do end\nend)\n"
                    "local sneaky = async(function()\n"
                    "  while true do pcall(function() while true do end end) end\nend)\n"
                    "main = async(function()\n"
                    "  local ok, e = pcall(function() await(asyncio.create_task(spin())) end)\n"
                    "  print('spin:', ok)\n"
                    "  local t = asyncio.create_task(sneaky(), {name = 'Sneaky'})\n"
                    "  local ok2, e2 = pcall(function() await(t) end)\n"
                    "  print('sneaky:', ok2)\n"
                    "  print(tostring(e))\n"
                    "end)\n";
  int rc = run_src(src, &c, m, sizeof m, &o, NULL);
  CHECK(rc == LX_OK);
  CHECK_CONTAINS(c.out, "spin: False\n");
  CHECK_CONTAINS(c.out, "sneaky: False\n");
  CHECK_CONTAINS(c.out, "task 'Task-2' ran 200000 instructions without awaiting at t.lua:2");
  CHECK_CONTAINS(c.out, "the event loop is blocked");
  /* the top level too */
  rc = run_src("while true do end", &c, m, sizeof m, &o, NULL);
  CHECK(rc == LX_EFAIL);
  CHECK_CONTAINS(m, "instructions without returning");
}

static void t_memory_cap(void) {
  cap c;
  char m[4096];
  lx_options o = {.mem_limit = 32u << 20};
  const char *src = "main = async(function()\n  local t = {}\n"
                    "  for i = 1, 1e9 do t[i] = string.rep('x', 64) .. i end\nend)\n";
  CHECK(run_src(src, &c, m, sizeof m, &o, NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "not enough memory");
  CHECK(run_src("local s = string.rep('x', 1 << 30)", &c, m, sizeof m, &o, NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "not enough memory");
}

static void t_deadlock(void) {
  cap c;
  char m[4096];
  const char *src = "main = async(function()\n  local f = asyncio.Future()\n"
                    "  local t = asyncio.create_task(async(function() await(f) end)(),\n"
                    "                               {name = 'Waiter'})\n"
                    "  await(t)\nend)\n";
  CHECK(run_src(src, &c, m, sizeof m, NULL, NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "deadlock");
  CHECK_CONTAINS(m, "task 'Task-1' waits on task 'Waiter' at t.lua:5");
  CHECK_CONTAINS(m, "task 'Waiter' waits on Future #");
}

static void t_syntax_error(void) {
  cap c;
  char m[4096];
  CHECK(run_src("main = async(function()\n  local x = = 1\nend)\n", &c, m, sizeof m, NULL,
                NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "t.lua:2:");
}

static void t_await_outside(void) {
  cap c;
  char m[4096];
  CHECK(run_src("await(asyncio.sleep(1))", &c, m, sizeof m, NULL, NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "await outside a running coroutine");
  CHECK(run_src("main = async(function() await(42) end)", &c, m, sizeof m, NULL, NULL) ==
        LX_EFAIL);
  CHECK_CONTAINS(m, "TypeError: object number can't be used in 'await' expression");
}

static void t_trace_suspend_lines(void) {
  cap c;
  char m[4096];
  lx_rt *rt;
  const char *src = "main = async(function()\n"
                    "  print('a')\n"
                    "  await(asyncio.sleep(1.5))\n"
                    "  print('b')\n"
                    "end)\n";
  CHECK(run_src(src, &c, m, sizeof m, NULL, &rt) == LX_OK);
  const ls_trace *tr = lx_run_get(rt, 0)->trace;
  int suspends = 0, prints = 0;
  for (size_t k = 0; k < trace_count(tr); k++) {
    const ls_trace_rec *r = trace_get(tr, k);
    if (r->kind == LS_EV_SUSPEND) {
      suspends++;
      CHECK(r->sub == LS_WAIT_SLEEP);
      CHECK(r->line == 3);
      CHECK(r->arg == 1500000000);
    }
    if (r->kind == LS_EV_PRINT) {
      prints++;
      CHECK(r->line == (prints == 1 ? 2 : 4));
      CHECK(r->t == (prints == 1 ? 0 : 1500000000));
      CHECK(!strcmp(trace_str(tr, r->arg), prints == 1 ? "a" : "b"));
    }
  }
  CHECK(suspends == 1 && prints == 2);
  lx_free(rt);
}

static void t_two_runtimes(void) {
  cap c1, c2;
  char m1[4096], m2[4096];
  lx_rt *a, *b;
  CHECK(run_src("main = async(function() await(asyncio.sleep(2)) print(time.time()) end)", &c1,
                m1, sizeof m1, NULL, &a) == LX_OK);
  CHECK(run_src("main = async(function() await(asyncio.sleep(5)) print(time.time()) end)", &c2,
                m2, sizeof m2, NULL, &b) == LX_OK);
  CHECK(!strcmp(c1.out, "2.0\n"));
  CHECK(!strcmp(c2.out, "5.0\n"));
  CHECK_EQ_D(lx_run_get(a, 0)->total, 2.0);
  lx_free(a);
  lx_free(b);
}

/* A UTF-8 byte-order mark and a '#' first line load as lua.c would load the file, and the
 * lines after them keep their numbers. */
static void t_bom_and_shebang(void) {
  cap c;
  char m[4096];
  CHECK(run_src("\xEF\xBB\xBFmain = async(function() print('bom') end)", &c, m, sizeof m,
                NULL, NULL) == LX_OK);
  CHECK(!strcmp(c.out, "bom\n"));
  CHECK(run_src("#!/usr/bin/env loopscope\nmain = async(function()\n  error(ValueError('x'))\nend)",
                &c, m, sizeof m, NULL, NULL) == LX_EFAIL);
  CHECK_CONTAINS(m, "line 3, in main");
  CHECK(run_src("\xEF\xBB\xBF#!shebang and nothing else", &c, m, sizeof m, NULL, NULL) == LX_OK);
}

static const struct {
  const char *name;
  void (*fn)(void);
} tests[] = {
    {"bom_and_shebang", t_bom_and_shebang},
    {"determinism", t_determinism},     {"compare_runs", t_compare_runs},
    {"sandbox_doors", t_sandbox_doors}, {"lesson_fields", t_lesson_fields},
    {"never_awaited", t_never_awaited}, {"budget", t_budget},
    {"memory_cap", t_memory_cap},       {"deadlock", t_deadlock},
    {"syntax_error", t_syntax_error},   {"await_outside", t_await_outside},
    {"trace_suspend_lines", t_trace_suspend_lines}, {"two_runtimes", t_two_runtimes},
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

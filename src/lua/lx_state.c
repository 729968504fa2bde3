/* lx_state.c -- the lesson runtime: a capped Lua state, the sandbox, loading, tracebacks,
 * and the run driver (top level, then `main` or each `compare` entry). */
#include <errno.h>
#include <lualib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx_int.h"

char *lx_strdup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

static void copy_err(char *err, size_t errlen, const char *msg) {
  if (err && errlen) snprintf(err, errlen, "%s", msg ? msg : "?");
}

/* Lua's allocator with a cap: going over is a Lua memory error, never an OOM kill. */
static void *lx_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  lx_rt *rt = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    rt->mem -= old;
    return NULL;
  }
  if (nsize > old && rt->mem - old + nsize > rt->mem_limit) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) rt->mem = rt->mem - old + nsize;
  return p;
}

void lx_emit_err(lx_rt *rt, const char *s, size_t n) {
  if (rt->opt.err) rt->opt.err(rt->opt.ud, s, n);
}

void lx_emit_errf(lx_rt *rt, const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  lx_emit_err(rt, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void lx_note_output(lx_rt *rt, const char *s, size_t n) {
  if (rt->noutputs == rt->capoutputs) {
    size_t cap = rt->capoutputs ? rt->capoutputs * 2 : 64;
    char **p = realloc(rt->outputs, cap * sizeof *p);
    if (!p) return;
    rt->outputs = p;
    rt->capoutputs = cap;
  }
  char *line = malloc(n + 1);
  if (!line) return;
  memcpy(line, s, n);
  line[n] = '\0';
  rt->outputs[rt->noutputs++] = line;
}

int32_t lx_curline(lua_State *L) {
  lua_Debug ar;
  for (int lvl = 0; lua_getstack(L, lvl, &ar); lvl++)
    if (lua_getinfo(L, "l", &ar) && ar.currentline > 0) return ar.currentline;
  return 0;
}

/* "  File "x.lua", line 5, in greet" lines, most recent call last, as Python prints. */
char *lx_traceback_py(lua_State *L, lua_State *co, int level, const char *topname) {
  enum { MAXF = 48 };
  struct {
    char src[128];
    int line;
    char name[64];
    int unnamed;
  } f[MAXF];
  int n = 0, skipped = 0;
  lua_Debug ar;
  for (int lvl = level; lua_getstack(co, lvl, &ar); lvl++) {
    if (!lua_getinfo(co, "Sln", &ar) || ar.currentline <= 0) continue;
    if (n == MAXF) { /* the rest only counted: lua_getstack is linear in the level, so a deep
                        stack (a runaway recursion) is measured by bisection, not walked */
      int lo = lvl, hi = lvl + 1;
      while (hi < (1 << 29) && lua_getstack(co, hi, &ar)) {
        lo = hi;
        hi = lvl + 2 * (hi - lvl);
      }
      while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (lua_getstack(co, mid, &ar))
          lo = mid;
        else
          hi = mid;
      }
      skipped = lo - lvl + 1;
      break;
    }
    snprintf(f[n].src, sizeof f[n].src, "%s", ar.short_src);
    f[n].line = ar.currentline;
    if (*ar.what == 'm')
      snprintf(f[n].name, sizeof f[n].name, "<module>");
    else if (ar.name)
      snprintf(f[n].name, sizeof f[n].name, "%s", ar.name);
    else if (lx_awaited_name(co, lvl + 1))
      snprintf(f[n].name, sizeof f[n].name, "%s", lx_awaited_name(co, lvl + 1));
    else
      snprintf(f[n].name, sizeof f[n].name, "<function at line %d>", ar.linedefined);
    f[n].unnamed = !ar.name && *ar.what != 'm';
    n++;
  }
  if (n && topname && f[n - 1].unnamed) snprintf(f[n - 1].name, sizeof f[n - 1].name, "%s", topname);
  (void)L;
  size_t cap = 64 + (size_t)n * 256, len = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  out[0] = '\0';
  if (skipped) len += (size_t)snprintf(out + len, cap - len, "  ... %d more frames\n", skipped);
  for (int i = n - 1; i >= 0; i--)
    len += (size_t)snprintf(out + len, cap - len, "  File \"%s\", line %d, in %s\n", f[i].src,
                            f[i].line, f[i].name);
  return out;
}

#define TBS "loopscope.tbs"

/* The traceback a task stored for an error value (see lx_step), pushed, or nil. */
static void push_task_traceback(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) == LUA_TTABLE) {
    lua_getfield(L, idx, "traceback");
  } else if (!lua_isnil(L, idx)) {
    lua_getfield(L, LUA_REGISTRYINDEX, TBS);
    lua_pushvalue(L, idx);
    lua_rawget(L, -2);
    lua_remove(L, -2);
  } else {
    lua_pushnil(L);
  }
}

/* Message handler: the whole report, Python style, as one string. */
static int msgh(lua_State *L) {
  lx_rt *rt = lx_get(L);
  /* first: describing may raise (a __tostring), and nothing of ours is allocated yet */
  const char *desc = lx_describe_error(L, 1);
  lx_sbuf b = {0};
  lx_sb_adds(&b, "Traceback (most recent call last):\n");
  char *here = lx_traceback_py(L, L, 1, NULL);
  if (here) {
    lx_sb_adds(&b, here);
    free(here);
  }
  push_task_traceback(L, 1);
  if (lua_isstring(L, -1)) lx_sb_adds(&b, lua_tostring(L, -1));
  lua_pop(L, 1);
  lx_sb_adds(&b, desc);
  lua_pop(L, 1);
  (void)rt;
  lx_sb_push(L, &b);
  return 1;
}

int lx_docall(lua_State *L, int nargs, int nres) {
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, msgh);
  lua_insert(L, base);
  int st = lua_pcall(L, nargs, nres, base);
  lua_remove(L, base);
  return st;
}

void lx_add_pending(lx_rt *rt, uint32_t seq, const char *s) {
  if (rt->npending == rt->cappending) {
    size_t cap = rt->cappending ? rt->cappending * 2 : 16;
    lx_pending *p = realloc(rt->pending, cap * sizeof *p);
    if (!p) return;
    rt->pending = p;
    rt->cappending = cap;
  }
  char *c = lx_strdup(s);
  if (c) rt->pending[rt->npending++] = (lx_pending){seq, c};
}

static int by_seq(const void *a, const void *b) {
  uint32_t x = ((const lx_pending *)a)->seq, y = ((const lx_pending *)b)->seq;
  return x < y ? -1 : x > y;
}

/* The collector finalizes in no useful order; Python, refcounting, reports each coroutine
 * as it is dropped -- in practice the order they were made. */
void lx_flush_pending(lx_rt *rt, lx_loop *lp) {
  if (rt->npending > 1) qsort(rt->pending, rt->npending, sizeof *rt->pending, by_seq);
  for (size_t i = 0; i < rt->npending; i++) {
    const char *t = rt->pending[i].text;
    lx_emit_errf(rt, "%s\n", t);
    if (lp && !lp->closed)
      loop_note(lp->loop, LS_EV_WARN, 3, 0, 0, trace_intern(lp->trace, t, strlen(t)));
    free(rt->pending[i].text);
  }
  rt->npending = 0;
}

/* load() for lessons: text chunks only, in the lesson's environment by default. */
static int l_load(lua_State *L) {
  lx_rt *rt = lx_get(L);
  int has_env = lua_gettop(L) >= 4;
  lua_settop(L, 4);
  size_t n;
  const char *name = luaL_optstring(L, 2, "=(load)");
  int st;
  if (lua_type(L, 1) == LUA_TSTRING) {
    const char *s = lua_tolstring(L, 1, &n);
    st = luaL_loadbufferx(L, s, n, name, "t");
  } else {
    return lx_raise(L, "TypeError", "load() in a lesson takes a string");
  }
  if (st != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (has_env)
    lua_pushvalue(L, 4);
  else
    lua_rawgeti(L, LUA_REGISTRYINDEX, rt->env_ref);
  if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  return 1;
}

static int l_collectgarbage(lua_State *L) {
  const char *opt = luaL_optstring(L, 1, "collect");
  if (!strcmp(opt, "count")) {
    lua_pushnumber(L, (double)lua_gc(L, LUA_GCCOUNT) + lua_gc(L, LUA_GCCOUNTB) / 1024.0);
    return 1;
  }
  if (!strcmp(opt, "collect")) {
    lua_gc(L, LUA_GCCOLLECT);
    lua_pushinteger(L, 0);
    return 1;
  }
  return lx_raise(L, "ValueError", "collectgarbage('%s') is not available in a lesson", opt);
}

static int l_os_clock(lua_State *L) {
  lua_pushnumber(L, LS_TO_SEC(clock_now(&lx_get(L)->clock)));
  return 1;
}

/* The lesson's globals: the base library without the doors out (SPEC section 5). */
static void make_env(lua_State *L, lx_rt *rt) {
  static const char *const base[] = {
      "assert", "error",    "getmetatable", "ipairs", "next",   "pairs",  "pcall",
      "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber",
      "tostring", "type",   "xpcall", "_VERSION", NULL};
  static const char *const libs[] = {"string", "table", "math", "utf8", "coroutine", NULL};
  lua_newtable(L);
  int env = lua_gettop(L);
  lua_pushglobaltable(L);
  for (int i = 0; base[i]; i++) {
    lua_getfield(L, -1, base[i]);
    lua_setfield(L, env, base[i]);
  }
  for (int i = 0; libs[i]; i++) {
    /* a copy, so that a lesson changing string.format changes only its own */
    lua_getfield(L, -1, libs[i]);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_settable(L, -4);
    }
    lua_setfield(L, env, libs[i]);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, l_load);
  lua_setfield(L, env, "load");
  lua_pushcfunction(L, l_collectgarbage);
  lua_setfield(L, env, "collectgarbage");
  lua_newtable(L);
  lua_pushcfunction(L, l_os_clock);
  lua_setfield(L, -2, "clock");
  lua_pushcfunction(L, l_os_clock);
  lua_setfield(L, -2, "time");
  lua_setfield(L, env, "os");
  lua_pushvalue(L, env);
  lua_setfield(L, env, "_G");
  lx_open_errors(L, env);
  lx_open_std(L, env);
  lx_open_async(L, env);
  lx_open_future(L);
  lx_open_asyncio(L, env);
  lx_open_sync(L, env);
  lx_open_io(L, env);
  lx_open_lesson(L, env);
  rt->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

static int setup(lua_State *L) {
  lx_rt *rt = lua_touserdata(L, 1);
  luaL_openlibs(L);
  lua_gc(L, LUA_GCGEN, 0, 0); /* young objects die young here: coroutine objects, sleeps */
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, TBS);
  lua_newtable(L);
  rt->pool_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  make_env(L, rt);
  return 0;
}

lx_rt *lx_new(const lx_options *opt) {
  lx_rt *rt = calloc(1, sizeof *rt);
  if (!rt) return NULL;
  if (opt) rt->opt = *opt;
  if (!rt->opt.mem_limit) rt->opt.mem_limit = (size_t)512 << 20;
  if (!rt->opt.step_budget) rt->opt.step_budget = 200000000;
  if (!(rt->opt.max_time > 0)) rt->opt.max_time = 3600;
  if (!rt->opt.max_handles) rt->opt.max_handles = 10000000;
  rt->mem_limit = rt->opt.mem_limit;
  clock_init(&rt->clock, rt->opt.clock);
  rt->L = lua_newstate(lx_alloc, rt);
  if (!rt->L) goto fail;
  *(lx_rt **)lua_getextraspace(rt->L) = rt;
  rt->chunk_ref = rt->lesson_ref = LUA_NOREF;
  lua_pushcfunction(rt->L, setup);
  lua_pushlightuserdata(rt->L, rt);
  if (lua_pcall(rt->L, 1, 0, 0) != LUA_OK) goto fail;
  if (rt->opt.step_budget > 0) rt->wd = lx_wd_new(lx_budget_hook, rt->opt.step_budget);
  return rt;
fail:
  lx_free(rt);
  return NULL;
}

void lx_free(lx_rt *rt) {
  if (!rt) return;
  lx_wd_free(rt->wd);
  rt->wd = NULL;
  if (rt->L) {
    lua_State *L = rt->L;
    rt->npending = 0;
    lua_close(L); /* coroutine finalizers may add reports: dropped below */
    rt->L = NULL;
  }
  for (size_t i = 0; i < rt->npending; i++) free(rt->pending[i].text);
  free(rt->pending);
  for (uint32_t i = 0; i < rt->nloops; i++) {
    lx_loop *lp = rt->loops[i];
    loop_free(lp->loop);
    trace_free(lp->trace);
    free(lp->name);
    free(lp);
  }
  free(rt->runs);
  for (size_t i = 0; i < rt->noutputs; i++) free(rt->outputs[i]);
  free(rt->outputs);
  lx_lesson_clear(&rt->lesson);
  free(rt->path);
  free(rt->chunkname);
  free(rt->source);
  free(rt->log_format);
  free(rt);
}

int lx_load_string(lx_rt *rt, const char *name, const char *src, size_t len, char *err,
                   size_t errlen) {
  lua_State *L = rt->L;
  /* A UTF-8 byte-order mark (Windows editors write one) is not part of the lesson. */
  if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) src += 3, len -= 3;
  free(rt->chunkname);
  free(rt->source);
  rt->chunkname = lx_strdup(name);
  rt->source = malloc(len + 1);
  if (!rt->chunkname || !rt->source) {
    copy_err(err, errlen, "out of memory");
    return LX_EFAIL;
  }
  memcpy(rt->source, src, len);
  rt->source[len] = '\0';
  rt->sourcelen = len;
  /* As lua.c loads a file: a first line starting with '#' (a shebang) is skipped, its
   * newline kept so the lines still count. */
  if (len > 0 && src[0] == '#') {
    const char *nl = memchr(src, '\n', len);
    len = nl ? len - (size_t)(nl - src) : 0;
    src = nl ? nl : src;
  }
  lua_pushfstring(L, "@%s", name);
  size_t rlen = 0, nsites = 0;
  int32_t *sites = NULL;
  char *rw = lx_sites_rewrite(src, len, &rlen, &sites, &nsites);
  int st = rw ? luaL_loadbufferx(L, rw, rlen, lua_tostring(L, -1), "t") : LUA_ERRSYNTAX;
  free(rw);
  if (rw && st != LUA_OK) lua_pop(L, 1);
  if (st != LUA_OK) { /* as written: its own error messages, or no rewrite to do */
    nsites = 0;
    st = luaL_loadbufferx(L, src, len, lua_tostring(L, -1), "t");
  }
  lua_remove(L, -2);
  if (st != LUA_OK) {
    free(sites);
    copy_err(err, errlen, lua_tostring(L, -1));
    lua_pop(L, 1);
    return LX_EFAIL;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt->env_ref);
  lx_sites_install(L, -1, sites, nsites);
  free(sites);
  lua_setupvalue(L, -2, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, rt->chunk_ref);
  rt->chunk_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return LX_OK;
}

int lx_load_file(lx_rt *rt, const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (err) snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
    return LX_EUSAGE;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap) {
      if (cap >= ((size_t)16 << 20)) {
        free(buf);
        fclose(f);
        if (err) snprintf(err, errlen, "%s: the lesson is larger than 16 MiB", path);
        return LX_EUSAGE;
      }
      char *nb = realloc(buf, cap *= 2);
      if (!nb) {
        free(buf);
        buf = NULL;
      } else {
        buf = nb;
      }
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (!buf || bad) {
    free(buf);
    if (err) snprintf(err, errlen, "cannot read %s", path);
    return LX_EUSAGE;
  }
  free(rt->path);
  rt->path = lx_strdup(path);
  int rc = lx_load_string(rt, path, buf, len, err, errlen);
  free(buf);
  return rc;
}

int lx_is_async(lua_State *L, int idx);

/* Runs one entry point in a fresh loop: asyncio.run(entry()), a plain function wrapped. */
static int run_entry(lua_State *L, lx_rt *rt, const char *name) {
  lua_getfield(L, LUA_REGISTRYINDEX, "loopscope.run");
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt->env_ref);
  int t = lua_getfield(L, -1, name);
  lua_remove(L, -2);
  if (t != LUA_TFUNCTION) {
    lua_pop(L, 2);
    lx_new_error(L, "NameError", "");
    lua_pop(L, 1);
    lua_pushfstring(L, "%s: the lesson has no function '%s' to run", rt->chunkname, name);
    return LUA_ERRRUN;
  }
  if (lx_is_async(L, -1)) { /* called from C, it cannot find its name: give it */
    lua_getupvalue(L, -1, 2);
    int unnamed = lua_isnil(L, -1);
    lua_pop(L, 1);
    if (unnamed) {
      lua_pushstring(L, name);
      lua_setupvalue(L, -2, 2);
    }
  } else { /* a plain function: async(name, fn), the built-in even if the lesson replaced it */
    lua_getfield(L, LUA_REGISTRYINDEX, "loopscope.async");
    lua_pushstring(L, name);
    lua_pushvalue(L, -3);
    int st = lx_docall(L, 2, 1);
    lua_remove(L, -2);
    if (st != LUA_OK) {
      lua_remove(L, -2);
      return st;
    }
  }
  rt->next_run_name = name;
  int st = lx_docall(L, 0, 1); /* entry() -> coroutine object */
  if (st != LUA_OK) {
    lua_remove(L, -2);
    return st;
  }
  st = lx_docall(L, 1, 0); /* asyncio.run(coro) */
  rt->next_run_name = NULL;
  return st;
}

int lx_run(lx_rt *rt, char *err, size_t errlen) {
  lua_State *L = rt->L;
  if (rt->chunk_ref == LUA_NOREF) {
    copy_err(err, errlen, "no lesson loaded");
    return LX_EUSAGE;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt->env_ref);
  lua_getfield(L, -1, "asyncio");
  lua_getfield(L, -1, "run");
  lua_setfield(L, LUA_REGISTRYINDEX, "loopscope.run");
  lua_pop(L, 1);
  lua_getfield(L, -1, "async");
  lua_setfield(L, LUA_REGISTRYINDEX, "loopscope.async");
  lua_pop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt->chunk_ref);
  lua_State *prev = lx_wd_enter(rt->wd, L);
  int st = lx_docall(L, 0, 0);
  if (st == LUA_OK) {
    if (rt->has_lesson && rt->lesson.ncompare) {
      for (size_t i = 0; i < rt->lesson.ncompare && st == LUA_OK; i++) {
        lx_emit_errf(rt, "== %s ==\n", rt->lesson.compare[i]);
        st = run_entry(L, rt, rt->lesson.compare[i]);
      }
    } else if (!rt->ran_loop) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, rt->env_ref);
      int t = lua_getfield(L, -1, "main");
      lua_pop(L, 2);
      if (t == LUA_TFUNCTION) st = run_entry(L, rt, "main");
    }
  }
  lx_wd_leave(rt->wd, L, prev);
  lua_sethook(L, NULL, 0, 0);
  rt->running = NULL;
  if (st != LUA_OK) {
    copy_err(err, errlen, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  lua_gc(L, LUA_GCCOLLECT);
  lx_flush_pending(rt, NULL);
  /* close what the lesson left open, so every run has an end */
  for (uint32_t i = 0; i < rt->nloops; i++) {
    lx_loop *lp = rt->loops[i];
    if (!lp->closed) {
      lp->total = LS_TO_SEC(loop_time(lp->loop));
      loop_end_trace(lp->loop, 0);
      lp->closed = 1;
    }
  }
  return st == LUA_OK ? LX_OK : LX_EFAIL;
}

const lx_lesson *lx_lesson_info(const lx_rt *rt) {
  return rt->has_lesson ? &rt->lesson : NULL;
}

size_t lx_run_count(const lx_rt *rt) {
  return rt->nloops;
}

const lx_runinfo *lx_run_get(const lx_rt *rt, size_t i) {
  if (i >= rt->nloops) return NULL;
  lx_rt *w = (lx_rt *)rt;
  if (!w->runs) {
    w->runs = calloc(LX_MAXLOOPS, sizeof *w->runs);
    if (!w->runs) return NULL;
  }
  lx_loop *lp = rt->loops[i];
  w->runs[i] = (lx_runinfo){lp->name, lp->trace, lp->total, lp->status};
  return &w->runs[i];
}

size_t lx_output_count(const lx_rt *rt) {
  return rt->noutputs;
}

const char *lx_output_line(const lx_rt *rt, size_t i) {
  return i < rt->noutputs ? rt->outputs[i] : NULL;
}

const char *lx_source(const lx_rt *rt, size_t *len) {
  if (len) *len = rt->sourcelen;
  return rt->source;
}

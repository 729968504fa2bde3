/* lx_std.c -- print as Python prints, time on the loop's clock, seeded random, logging. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lx_int.h"

/* ---- Python's str() and repr() for Lua values ---- */

/* A growable C string: it leaves the Lua stack free for nested work. */
void lx_sb_add(lx_sbuf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (b->n + n + 1 > cap) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void lx_sb_adds(lx_sbuf *b, const char *s) {
  lx_sb_add(b, s, strlen(s));
}

void lx_sb_addc(lx_sbuf *b, char c) {
  lx_sb_add(b, &c, 1);
}

void lx_sb_addtop(lua_State *L, lx_sbuf *b) {
  size_t n;
  const char *s = lua_tolstring(L, -1, &n);
  if (s) lx_sb_add(b, s, n);
  lua_pop(L, 1);
}

const char *lx_sb_push(lua_State *L, lx_sbuf *b) {
  lua_pushlstring(L, b->p ? b->p : "", b->n);
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
  return lua_tostring(L, -1);
}

#define REPR_ERR "loopscope.repr_err"

void lx_sb_check(lua_State *L, lx_sbuf *b) {
  if (!b->err) return;
  free(b->p);
  *b = (lx_sbuf){0};
  lua_getfield(L, LUA_REGISTRYINDEX, REPR_ERR);
  lua_pushnil(L);
  lua_setfield(L, LUA_REGISTRYINDEX, REPR_ERR);
  lua_error(L);
}

static int tostring_k(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  return 1;
}

/* A __tostring runs protected: its error must not jump over the frees of lx_repr and its
 * callers. It is kept and raised by lx_sb_check once they are done. */
static void add_tostring(lua_State *L, int idx, lx_sbuf *b) {
  lua_pushcfunction(L, tostring_k);
  lua_pushvalue(L, idx);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    b->err = 1;
    lua_setfield(L, LUA_REGISTRYINDEX, REPR_ERR);
    return;
  }
  lx_sb_addtop(L, b);
}

const char *lx_push_repr(lua_State *L, int idx, int quoted) {
  lx_sbuf b = {0};
  lx_repr(L, idx, &b, quoted, 0);
  lx_sb_check(L, &b);
  return lx_sb_push(L, &b);
}

static void add_float(lx_sbuf *b, double x) {
  char buf[40];
  if (isnan(x)) {
    lx_sb_adds(b, "nan");
    return;
  }
  if (isinf(x)) {
    lx_sb_adds(b, x > 0 ? "inf" : "-inf");
    return;
  }
  /* Python's repr: the shortest digits that read back as the same double, written out in
   * full when the decimal exponent is in [-4, 16), else as d.ddde+XX */
  if (signbit(x)) {
    lx_sb_addc(b, '-');
    x = -x;
  }
  int p = 0;
  for (; p <= 16; p++) {
    snprintf(buf, sizeof buf, "%.*e", p, x);
    if (strtod(buf, NULL) == x) break;
  }
  char digits[24];
  size_t nd = 0;
  for (const char *q = buf; *q && *q != 'e'; q++)
    if (*q >= '0' && *q <= '9') digits[nd++] = *q;
  while (nd > 1 && digits[nd - 1] == '0') nd--; /* %.0e of 0.0 is "0e+00": one digit */
  int exp = atoi(strchr(buf, 'e') + 1);
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      lx_sb_adds(b, "0.");
      for (int i = -1; i > exp; i--) lx_sb_addc(b, '0');
      lx_sb_add(b, digits, nd);
    } else {
      for (int i = 0; i <= exp; i++) lx_sb_addc(b, (size_t)i < nd ? digits[i] : '0');
      lx_sb_addc(b, '.');
      if ((size_t)exp + 1 < nd)
        lx_sb_add(b, digits + exp + 1, nd - (size_t)exp - 1);
      else
        lx_sb_addc(b, '0');
    }
    return;
  }
  lx_sb_addc(b, digits[0]);
  if (nd > 1) {
    lx_sb_addc(b, '.');
    lx_sb_add(b, digits + 1, nd - 1);
  }
  snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  lx_sb_adds(b, buf);
}

static void add_quoted(lx_sbuf *b, const char *s, size_t n) {
  char q = (memchr(s, '\'', n) && !memchr(s, '"', n)) ? '"' : '\'';
  lx_sb_addc(b, q);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == (unsigned char)q || c == '\\') {
      lx_sb_addc(b, '\\');
      lx_sb_addc(b, (char)c);
    } else if (c == '\n') {
      lx_sb_adds(b, "\\n");
    } else if (c == '\t') {
      lx_sb_adds(b, "\\t");
    } else if (c == '\r') {
      lx_sb_adds(b, "\\r");
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      lx_sb_adds(b, buf);
    } else {
      lx_sb_addc(b, (char)c);
    }
  }
  lx_sb_addc(b, q);
}

/* Is t a list: keys exactly 1..n, or with an explicit n (gather results with nils)? */
static lua_Integer list_len(lua_State *L, int t) {
  lua_Integer n = -1;
  if (lua_getfield(L, t, "n") == LUA_TNUMBER && lua_isinteger(L, -1)) n = lua_tointeger(L, -1);
  lua_pop(L, 1);
  lua_Integer count = 0, max = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER && lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
      lua_Integer k = lua_tointeger(L, -1);
      if (k > max) max = k;
      count++;
    } else if (!(n >= 0 && lua_type(L, -1) == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "n"))) {
      lua_pop(L, 1);
      return -1;
    }
  }
  if (n >= 0) return max <= n ? n : -1;
  return count == max ? max : -1;
}

static int cmp_keys(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends Python's str(v) (quoted == 0) or repr(v) (quoted == 1) of the value at idx. */
void lx_repr(lua_State *L, int idx, lx_sbuf *b, int quoted, int depth) {
  if (b->err) return;
  idx = lua_absindex(L, idx);
  switch (lua_type(L, idx)) {
  case LUA_TNIL:
  case LUA_TNONE:
    lx_sb_adds(b, "None");
    return;
  case LUA_TBOOLEAN:
    lx_sb_adds(b, lua_toboolean(L, idx) ? "True" : "False");
    return;
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) {
      char buf[32];
      snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
      lx_sb_adds(b, buf);
    } else {
      add_float(b, lua_tonumber(L, idx));
    }
    return;
  case LUA_TSTRING: {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    if (quoted)
      add_quoted(b, s, n);
    else
      lx_sb_add(b, s, n);
    return;
  }
  case LUA_TTABLE: {
    const char *etype = lx_error_type(L, idx);
    if (etype) {
      lua_getfield(L, idx, "message");
      if (quoted) { /* Python's repr: ValueError('x'), ValueError(42), ValueError() */
        lua_pushfstring(L, "%s(", etype);
        lx_sb_addtop(L, b);
        size_t n = 0;
        lua_tolstring(L, -1, &n);
        if (lua_getfield(L, idx, "value") != LUA_TNIL)
          lx_repr(L, -1, b, 1, depth + 1); /* what the lesson passed */
        else if (n > 0 || lua_type(L, -2) != LUA_TSTRING)
          lx_repr(L, -2, b, 1, depth + 1);
        lua_pop(L, 1);
        lx_sb_addc(b, ')');
      } else {
        lx_push_error_str(L, idx); /* str(e) */
        lx_repr(L, -1, b, 0, depth + 1);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
      return;
    }
    if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
      lua_pop(L, 1);
      add_tostring(L, idx, b);
      return;
    }
    if (depth > 8) {
      lx_sb_adds(b, "[...]");
      return;
    }
    lua_Integer n = list_len(L, idx);
    if (n >= 0) {
      lx_sb_addc(b, '[');
      for (lua_Integer i = 1; i <= n; i++) {
        if (i > 1) lx_sb_adds(b, ", ");
        lua_rawgeti(L, idx, i);
        lx_repr(L, -1, b, 1, depth + 1);
        lua_pop(L, 1);
      }
      lx_sb_addc(b, ']');
      return;
    }
    /* a dict: keys in a stable order (string keys sorted, then the rest by repr) */
    size_t cap = 16, nk = 0;
    char **keys = malloc(cap * sizeof *keys);
    lua_pushnil(L);
    while (keys && lua_next(L, idx)) {
      lua_pop(L, 1);
      lx_sbuf kb = {0};
      lx_repr(L, -1, &kb, 1, depth + 1);
      b->err |= kb.err;
      lx_sb_push(L, &kb);
      if (nk == cap) {
        char **k2 = realloc(keys, (cap *= 2) * sizeof *keys);
        if (!k2) break;
        keys = k2;
      }
      const char *ks = lua_tostring(L, -1);
      keys[nk] = malloc(strlen(ks) + 1);
      if (keys[nk]) strcpy(keys[nk++], ks);
      lua_pop(L, 1);
    }
    if (!keys) {
      lx_sb_adds(b, "{...}");
      return;
    }
    qsort(keys, nk, sizeof *keys, cmp_keys);
    lx_sb_addc(b, '{');
    for (size_t i = 0; i < nk; i++) {
      if (i) lx_sb_adds(b, ", ");
      lx_sb_adds(b, keys[i]);
      lx_sb_adds(b, ": ");
      /* find the value again by matching the key's repr */
      lua_pushnil(L);
      while (lua_next(L, idx)) {
        lx_sbuf kb = {0};
        lx_repr(L, -2, &kb, 1, depth + 1);
        b->err |= kb.err;
        lx_sb_push(L, &kb);
        int same = !strcmp(lua_tostring(L, -1), keys[i]);
        lua_pop(L, 1);
        if (same) {
          lua_pushvalue(L, -1);
          lua_insert(L, -3);
          lua_pop(L, 2);
          lx_repr(L, -1, b, 1, depth + 1);
          lua_pop(L, 1);
          break;
        }
        lua_pop(L, 1);
      }
    }
    lx_sb_addc(b, '}');
    for (size_t i = 0; i < nk; i++) free(keys[i]);
    free(keys);
    return;
  }
  case LUA_TFUNCTION: {
    lua_Debug ar;
    lua_pushvalue(L, idx);
    lua_getinfo(L, ">S", &ar);
    if (ar.linedefined > 0)
      lua_pushfstring(L, "<function defined at line %d>", ar.linedefined);
    else
      lua_pushliteral(L, "<built-in function>");
    lx_sb_addtop(L, b);
    return;
  }
  default:
    if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
      lua_pop(L, 1);
      add_tostring(L, idx, b);
    } else {
      lua_pushfstring(L, "<%s>", luaL_typename(L, idx));
      lx_sb_addtop(L, b);
    }
  }
}

/* print(...): Python's print: str() of each argument, one space between, a newline. */
static int l_print(lua_State *L) {
  lx_rt *rt = lx_get(L);
  int n = lua_gettop(L);
  lx_sbuf b = {0};
  for (int i = 1; i <= n; i++) {
    if (i > 1) lx_sb_addc(&b, ' ');
    lx_repr(L, i, &b, 0, 0);
  }
  lx_sb_check(L, &b);
  lx_sb_push(L, &b);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  lx_note_output(rt, s, len);
  if (rt->running)
    loop_note(rt->running->loop, LS_EV_PRINT, 0, 0, lx_callerline(L),
              trace_intern(rt->running->trace, s, len));
  if (rt->opt.out) {
    rt->opt.out(rt->opt.ud, s, len);
    rt->opt.out(rt->opt.ud, "\n", 1);
  }
  return 0;
}

static int l_repr(lua_State *L) {
  luaL_checkany(L, 1);
  lx_push_repr(L, 1, 1);
  return 1;
}

const char *lx_py_typename(lua_State *L, int idx) {
  switch (lua_type(L, idx)) {
  case LUA_TNIL:
  case LUA_TNONE:
    return "NoneType";
  case LUA_TBOOLEAN:
    return "bool";
  case LUA_TNUMBER:
    return lua_isinteger(L, idx) ? "int" : "float";
  case LUA_TSTRING:
    return "str";
  case LUA_TTABLE:
    return "list";
  default:
    return luaL_typename(L, idx);
  }
}

static int l_str(lua_State *L) {
  luaL_checkany(L, 1);
  lx_push_repr(L, 1, 0);
  return 1;
}

/* ---- time: one clock for the whole lesson, the loop's ---- */

static int l_time(lua_State *L) {
  lua_pushnumber(L, LS_TO_SEC(clock_now(&lx_get(L)->clock)));
  return 1;
}

static int l_time_sleep(lua_State *L) {
  lx_rt *rt = lx_get(L);
  double s = luaL_checknumber(L, 1);
  if (!(s >= 0)) return lx_raise(L, "ValueError", "sleep length must be non-negative");
  if (s > 1e6) return lx_raise(L, "ValueError", "sleep length is too large");
  lua_State *prev = lx_wd_enter(rt->wd, NULL); /* a blocking sleep is slow, not a runaway */
  if (rt->running)
    loop_block(rt->running->loop, LS_FROM_SEC(s), lx_callerline(L));
  else
    clock_wait_until(&rt->clock, clock_now(&rt->clock) + LS_FROM_SEC(s));
  lx_wd_leave(rt->wd, NULL, prev);
  return 0;
}

/* ---- random: xoshiro256**, seeded per run so runs repeat ---- */

static uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

static uint64_t next_u64(lx_rt *rt) {
  uint64_t *s = rt->rng;
  uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return r;
}

static void seed_rng(lx_rt *rt, uint64_t seed) {
  for (int i = 0; i < 4; i++) { /* splitmix64 */
    uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    rt->rng[i] = z ^ (z >> 31);
  }
}

static double next_double(lx_rt *rt) {
  return (double)(next_u64(rt) >> 11) * 0x1.0p-53;
}

static int l_seed(lua_State *L) {
  lx_rt *rt = lx_get(L);
  uint64_t s = 0;
  if (lua_isinteger(L, 1))
    s = (uint64_t)lua_tointeger(L, 1);
  else if (lua_type(L, 1) == LUA_TNUMBER)
    s = (uint64_t)(lua_tonumber(L, 1) * 1e6);
  else if (lua_type(L, 1) == LUA_TSTRING)
    for (const char *p = lua_tostring(L, 1); *p; p++) s = s * 131 + (unsigned char)*p;
  seed_rng(rt, s);
  return 0;
}

static int l_random(lua_State *L) {
  lua_pushnumber(L, next_double(lx_get(L)));
  return 1;
}

static int l_uniform(lua_State *L) {
  double a = luaL_checknumber(L, 1), b = luaL_checknumber(L, 2);
  lua_pushnumber(L, a + (b - a) * next_double(lx_get(L)));
  return 1;
}

static int l_randint(lua_State *L) {
  lua_Integer a = luaL_checkinteger(L, 1), b = luaL_checkinteger(L, 2);
  if (b < a) return lx_raise(L, "ValueError", "empty range for randint(%d, %d)", (int)a, (int)b);
  uint64_t span = (uint64_t)(b - a) + 1;
  lua_pushinteger(L, a + (lua_Integer)(span ? next_u64(lx_get(L)) % span : next_u64(lx_get(L))));
  return 1;
}

static int l_choice(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer n = luaL_len(L, 1);
  if (n < 1) return lx_raise(L, "IndexError", "Cannot choose from an empty sequence");
  lua_rawgeti(L, 1, 1 + (lua_Integer)(next_u64(lx_get(L)) % (uint64_t)n));
  return 1;
}

/* ---- logging: LEVEL:logger:message on stderr, as logging.basicConfig sets it up ---- */

static const struct {
  const char *name;
  int level;
} levels[] = {{"DEBUG", 10}, {"INFO", 20}, {"WARNING", 30}, {"ERROR", 40}, {"CRITICAL", 50}};

static const char *level_name(int level) {
  for (size_t i = 0; i < 5; i++)
    if (levels[i].level == level) return levels[i].name;
  return "Level";
}

/* One %-conversion of Python's printf-style formatting: flags, width and precision in
 * spec (without % and the conversion), conv one of s r d i f F e E g G x X o c. */
static void percent_one(lua_State *L, lx_sbuf *b, const char *spec, size_t speclen, char conv,
                        int idx) {
  char fmt[32], out[512];
  if (speclen > 20) speclen = 20;
  if (conv == 's' || conv == 'r') {
    const char *s = lx_push_repr(L, idx, conv == 'r');
    if (speclen == 0 || strlen(s) > 400) { /* no padding to do */
      lx_sb_adds(b, s);
      lua_pop(L, 1);
      return;
    }
    snprintf(fmt, sizeof fmt, "%%%.*ss", (int)speclen, spec);
    snprintf(out, sizeof out, fmt, s);
    lua_pop(L, 1);
  } else if (strchr("dixXoc", conv)) {
    snprintf(fmt, sizeof fmt, "%%%.*sll%c", (int)speclen, spec, conv == 'i' ? 'd' : conv);
    lua_Number n = lua_tonumber(L, idx);
    snprintf(out, sizeof out, fmt, (long long)n);
  } else {
    snprintf(fmt, sizeof fmt, "%%%.*s%c", (int)speclen, spec, conv);
    snprintf(out, sizeof out, fmt, (double)lua_tonumber(L, idx));
  }
  lx_sb_adds(b, out);
}

/* msg % args for the logging functions: positional arguments from stack index first. */
static void percent_args(lua_State *L, lx_sbuf *b, const char *msg, int first, int last) {
  int next = first;
  for (const char *p = msg; *p; p++) {
    if (*p != '%') {
      lx_sb_addc(b, *p);
      continue;
    }
    if (p[1] == '%') {
      lx_sb_addc(b, '%');
      p++;
      continue;
    }
    const char *spec = p + 1, *q = spec;
    while (*q && strchr("-+ #0123456789.", *q)) q++;
    if (!*q || !strchr("srdifFeEgGxXoc", *q) || next > last) { /* not ours: as written */
      lx_sb_addc(b, '%');
      continue;
    }
    percent_one(L, b, spec, (size_t)(q - spec), *q, next++);
    p = q;
  }
}

/* A log record through basicConfig's format: %(levelname)s, %(name)s, %(message)s,
 * %(levelno)s and %(asctime)s, with flags and widths. */
static void format_record(lua_State *L, lx_sbuf *b, const char *fmt, int level,
                          const char *logger, const char *msg) {
  for (const char *p = fmt; *p; p++) {
    if (*p != '%' || p[1] != '(') {
      if (*p == '%' && p[1] == '%') p++;
      lx_sb_addc(b, *p);
      continue;
    }
    const char *key = p + 2, *close = strchr(key, ')');
    if (!close) {
      lx_sb_adds(b, p);
      return;
    }
    const char *spec = close + 1, *q = spec;
    while (*q && strchr("-+ #0123456789.", *q)) q++;
    if (!*q) {
      lx_sb_adds(b, p);
      return;
    }
    size_t klen = (size_t)(close - key);
    char when[64] = "";
    if (klen == 9 && !memcmp(key, "levelname", 9))
      lua_pushstring(L, level_name(level));
    else if (klen == 4 && !memcmp(key, "name", 4))
      lua_pushstring(L, logger);
    else if (klen == 7 && !memcmp(key, "message", 7))
      lua_pushstring(L, msg);
    else if (klen == 7 && !memcmp(key, "levelno", 7))
      lua_pushinteger(L, level);
    else if (klen == 7 && !memcmp(key, "asctime", 7)) {
      struct timespec ts;
      clock_gettime(CLOCK_REALTIME, &ts);
      struct tm tm;
      localtime_r(&ts.tv_sec, &tm);
      size_t n = strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
      snprintf(when + n, sizeof when - n, ",%03ld", ts.tv_nsec / 1000000);
      lua_pushstring(L, when);
    } else
      lua_pushfstring(L, "%%(%s)", lua_pushlstring(L, key, klen)), lua_remove(L, -2);
    percent_one(L, b, spec, (size_t)(q - spec), *q, lua_gettop(L));
    lua_pop(L, 1);
    p = q;
  }
}

void lx_log(lx_rt *rt, int level, const char *logger, const char *msg) {
  if (level < rt->log_level) return;
  lua_State *L = rt->L;
  if (rt->log_configured) { /* basicConfig's format */
    lx_sbuf b = {0};
    format_record(L, &b, rt->log_format ? rt->log_format : "%(levelname)s:%(name)s:%(message)s",
                  level, logger, msg);
    lx_sb_addc(&b, '\n');
    lx_emit_err(rt, b.p ? b.p : "", b.n);
    free(b.p);
  } else { /* logging's last-resort handler: the message alone */
    lx_emit_errf(rt, "%s\n", msg);
  }
  if (rt->running && strcmp(logger, "asyncio")) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%s:%s", level_name(level), logger, msg);
    loop_note(rt->running->loop, LS_EV_WARN, level / 10, 0, 0,
              trace_intern(rt->running->trace, buf, strlen(buf)));
  }
}

/* basicConfig{level=, format=, force=}: only the first call counts, unless force. */
static int l_basic_config(lua_State *L) {
  lx_rt *rt = lx_get(L);
  int force = lua_type(L, 1) == LUA_TTABLE && lua_getfield(L, 1, "force") != LUA_TNIL &&
              lua_toboolean(L, -1);
  lua_settop(L, 1);
  if (rt->log_configured && !force) return 0;
  rt->log_configured = 1;
  if (lua_type(L, 1) == LUA_TTABLE) {
    int t = lua_getfield(L, 1, "level");
    if (t == LUA_TNUMBER) {
      rt->log_level = (int)lua_tointeger(L, -1);
    } else if (t == LUA_TSTRING) {
      const char *s = lua_tostring(L, -1);
      for (size_t i = 0; i < 5; i++)
        if (!strcmp(s, levels[i].name)) rt->log_level = levels[i].level;
    }
    if (lua_getfield(L, 1, "format") == LUA_TSTRING) {
      free(rt->log_format);
      rt->log_format = lx_strdup(lua_tostring(L, -1));
    }
  }
  return 0;
}

/* logging.warning(msg, ...): configures the root logger on first use, as Python's module
 * functions call basicConfig(); then msg % args. */
static int log_at(lua_State *L, int level) {
  lx_rt *rt = lx_get(L);
  rt->log_configured = 1;
  int top = lua_gettop(L);
  const char *msg = lx_push_repr(L, 1, 0);
  if (top >= 2) {
    lx_sbuf b = {0};
    percent_args(L, &b, msg, 2, top);
    lua_pushlstring(L, b.p ? b.p : "", b.n);
    free(b.p);
    msg = lua_tostring(L, -1);
  }
  lx_log(rt, level, "root", msg);
  return 0;
}

static int l_debug(lua_State *L) {
  return log_at(L, 10);
}
static int l_info(lua_State *L) {
  return log_at(L, 20);
}
static int l_warning(lua_State *L) {
  return log_at(L, 30);
}
static int l_error(lua_State *L) {
  return log_at(L, 40);
}
static int l_critical(lua_State *L) {
  return log_at(L, 50);
}

void lx_open_std(lua_State *L, int env) {
  env = lua_absindex(L, env);
  lx_rt *rt = lx_get(L);
  seed_rng(rt, 0);
  rt->log_level = 30;
  lua_pushcfunction(L, l_print);
  lua_setfield(L, env, "print");
  lua_pushcfunction(L, l_repr);
  lua_setfield(L, env, "repr");
  lua_pushcfunction(L, l_str);
  lua_setfield(L, env, "str");

  static const luaL_Reg time_f[] = {{"time", l_time},       {"monotonic", l_time},
                                    {"perf_counter", l_time}, {"sleep", l_time_sleep},
                                    {NULL, NULL}};
  luaL_newlib(L, time_f);
  lua_setfield(L, env, "time");
  static const luaL_Reg random_f[] = {{"seed", l_seed},       {"random", l_random},
                                      {"uniform", l_uniform}, {"randint", l_randint},
                                      {"choice", l_choice},   {NULL, NULL}};
  luaL_newlib(L, random_f);
  lua_setfield(L, env, "random");
  static const luaL_Reg log_f[] = {{"basicConfig", l_basic_config}, {"debug", l_debug},
                                   {"info", l_info},       {"warning", l_warning},
                                   {"error", l_error},     {"critical", l_critical},
                                   {NULL, NULL}};
  luaL_newlib(L, log_f);
  for (size_t i = 0; i < 5; i++) {
    lua_pushinteger(L, levels[i].level);
    lua_setfield(L, -2, levels[i].name);
  }
  lua_setfield(L, env, "logging");
}

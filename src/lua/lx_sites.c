/* lx_sites.c -- await sites: every `await(` in a lesson is loaded as `__await_at[LINE](`, a
 * C closure that already knows its source line. Looking the line up with lua_getinfo at each
 * suspension cost about 220 instructions, an eighth of a whole task switch.
 *
 * The rewrite keeps every line where it was and touches nothing but those tokens (and a
 * `local __await_at = __await_at; ` in front of line 1). It is done
 * only when it cannot change what the lesson means: when `await` is anything but a call of
 * the global (a local, a parameter, an assignment, a value), when the lesson mentions _ENV
 * or __await_at, or when the lexer is unsure, the source is loaded as written and await
 * falls back to lua_getinfo. */
#include <stdlib.h>
#include <string.h>

#include "lx_int.h"

#define SITES "__await_at"
/* On line 1, before the lesson: an upvalue is read without the global table's hash lookup.
 * (A chunk already at Lua's limit of locals or upvalues fails to load; it is then loaded as
 * written.) */
#define PREFIX "local " SITES " = " SITES "; "

typedef enum { T_EOF, T_NAME, T_OTHER, T_BAD } tok_kind;

typedef struct lexer {
  const char *s, *end;
  int32_t line;
} lexer;

typedef struct token {
  tok_kind kind;
  const char *p; /* start */
  size_t n;
  int32_t line;
} token;

static int is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_alnum(int c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}

/* Lua counts \n, \r, \r\n and \n\r as one line break each. */
static int newline(lexer *x) {
  if (x->s >= x->end || (*x->s != '\n' && *x->s != '\r')) return 0;
  char c = *x->s++;
  if (x->s < x->end && (*x->s == '\n' || *x->s == '\r') && *x->s != c) x->s++;
  x->line++;
  return 1;
}

/* At `[`: the level of a long bracket `[==[`, or -1 when this is not one. */
static int long_open(const lexer *x) {
  const char *p = x->s + 1;
  int level = 0;
  while (p < x->end && *p == '=') p++, level++;
  return (p < x->end && *p == '[') ? level : -1;
}

/* Skips a long string or comment body after its opening bracket; 0 when unterminated. */
static int long_body(lexer *x, int level) {
  x->s += level + 2;
  while (x->s < x->end) {
    if (newline(x)) continue;
    if (*x->s == ']') {
      const char *p = x->s + 1;
      int n = 0;
      while (p < x->end && *p == '=') p++, n++;
      if (n == level && p < x->end && *p == ']') {
        x->s = p + 1;
        return 1;
      }
    }
    x->s++;
  }
  return 0;
}

/* Skips a quoted string; 0 when it is unfinished (Lua will say so). */
static int short_string(lexer *x) {
  char q = *x->s++;
  while (x->s < x->end) {
    char c = *x->s;
    if (c == q) {
      x->s++;
      return 1;
    }
    if (c == '\n' || c == '\r') return 0;
    if (c == '\\') {
      x->s++;
      if (x->s >= x->end) return 0;
      if (newline(x)) continue; /* an escaped line break */
      if (*x->s == 'z') { /* \z skips the white space after it, line breaks too */
        x->s++;
        while (x->s < x->end) {
          if (newline(x)) continue;
          if (*x->s == ' ' || *x->s == '\t' || *x->s == '\f' || *x->s == '\v') {
            x->s++;
            continue;
          }
          break;
        }
        continue;
      }
    }
    x->s++;
  }
  return 0;
}

static token next(lexer *x) {
  for (;;) {
    if (x->s >= x->end) return (token){T_EOF, x->s, 0, x->line};
    if (newline(x)) continue;
    char c = *x->s;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      x->s++;
      continue;
    }
    if (c == '-' && x->s + 1 < x->end && x->s[1] == '-') {
      x->s += 2;
      int level = (x->s < x->end && *x->s == '[') ? long_open(x) : -1;
      if (level >= 0) {
        if (!long_body(x, level)) return (token){T_BAD, x->s, 0, x->line};
      } else {
        while (x->s < x->end && *x->s != '\n' && *x->s != '\r') x->s++;
      }
      continue;
    }
    break;
  }
  token t = {T_OTHER, x->s, 1, x->line};
  char c = *x->s;
  if (is_alpha(c)) {
    while (x->s < x->end && is_alnum(*x->s)) x->s++;
    t.kind = T_NAME;
  } else if (c >= '0' && c <= '9') { /* a numeral, sloppily: Lua itself rejects bad ones */
    while (x->s < x->end && (is_alnum(*x->s) || *x->s == '.')) {
      char e = *x->s++;
      if ((e == 'e' || e == 'E' || e == 'p' || e == 'P') && x->s < x->end &&
          (*x->s == '+' || *x->s == '-'))
        x->s++;
    }
  } else if (c == '"' || c == '\'') {
    if (!short_string(x)) t.kind = T_BAD;
  } else if (c == '[' && long_open(x) >= 0) {
    if (!long_body(x, long_open(x))) t.kind = T_BAD;
  } else if (c == '.' || c == ':') { /* `.` `..` `...` `:` `::` kept whole: a field needs one */
    while (x->s < x->end && *x->s == c) x->s++;
  } else {
    x->s++;
  }
  t.n = (size_t)(x->s - t.p);
  return t;
}

static int is(const token *t, const char *word) {
  size_t n = strlen(word);
  return t->n == n && memcmp(t->p, word, n) == 0;
}

typedef struct site {
  size_t at; /* offset of the `await` token */
  int32_t line;
} site;

/* Finds the await sites of src; returns their count, or -1 when the rewrite is not safe. */
static long find_sites(const char *src, size_t len, site **out) {
  lexer x = {src, src + len, 1};
  size_t n = 0, cap = 0;
  site *v = NULL;
  token prev = {T_OTHER, "", 0, 0};
  for (token t = next(&x); t.kind != T_EOF; prev = t, t = next(&x)) {
    if (t.kind == T_BAD || (t.kind == T_NAME && (is(&t, "_ENV") || is(&t, SITES)))) goto unsafe;
    if (t.kind != T_NAME || !is(&t, "await")) continue;
    if (prev.n == 1 && (*prev.p == '.' || *prev.p == ':')) continue; /* a field: not ours */
    lexer peek = x;
    token after = next(&peek);
    if (prev.kind == T_NAME && (is(&prev, "local") || is(&prev, "function"))) goto unsafe;
    if (after.n != 1 || *after.p != '(') goto unsafe; /* await as a value: leave it be */
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      site *g = realloc(v, cap * sizeof *g);
      if (!g) goto unsafe;
      v = g;
    }
    v[n++] = (site){(size_t)(t.p - src), t.line};
  }
  *out = v;
  return (long)n;
unsafe:
  free(v);
  *out = NULL;
  return -1;
}

char *lx_sites_rewrite(const char *src, size_t len, size_t *outlen, int32_t **lines,
                       size_t *nlines) {
  site *v;
  long n = find_sites(src, len, &v);
  *lines = NULL;
  *nlines = 0;
  if (n <= 0) {
    free(v);
    return NULL;
  }
  /* "await" (5) becomes "__await_at[LINE]" (12 + digits) */
  size_t cap = sizeof PREFIX + len + (size_t)n * 24 + 1, o = 0, from = 0;
  char *out = malloc(cap);
  int32_t *ls = malloc((size_t)n * sizeof *ls);
  if (!out || !ls) {
    free(out);
    free(ls);
    free(v);
    return NULL;
  }
  memcpy(out, PREFIX, sizeof PREFIX - 1);
  o = sizeof PREFIX - 1;
  for (long i = 0; i < n; i++) {
    memcpy(out + o, src + from, v[i].at - from);
    o += v[i].at - from;
    o += (size_t)snprintf(out + o, cap - o, SITES "[%ld]", (long)v[i].line);
    from = v[i].at + 5;
    ls[i] = v[i].line;
  }
  memcpy(out + o, src + from, len - from);
  o += len - from;
  out[o] = '\0';
  free(v);
  *outlen = o;
  *lines = ls;
  *nlines = (size_t)n;
  return out;
}

/* env.__await_at[line] = await bound to that line, for each line not there yet. */
void lx_sites_install(lua_State *L, int env, const int32_t *lines, size_t n) {
  env = lua_absindex(L, env);
  if (lua_getfield(L, env, SITES) != LUA_TTABLE) {
    lua_pop(L, 1);
    int32_t last = 0; /* lines in the array part: __await_at[N] is then one index, no hash */
    for (size_t i = 0; i < n; i++)
      if (lines[i] > last) last = lines[i];
    lua_createtable(L, last < 65536 ? (int)last : 0, 0);
    lua_pushvalue(L, -1);
    lua_setfield(L, env, SITES);
  }
  for (size_t i = 0; i < n; i++) {
    if (lua_rawgeti(L, -1, lines[i]) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_pushlightuserdata(L, (void *)(intptr_t)lines[i]); /* cheaper to read than an integer */
      lua_pushcclosure(L, lx_await_at, 1);
      lua_rawseti(L, -2, lines[i]);
    } else {
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

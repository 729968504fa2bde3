/* lx_lesson.c -- lesson{...}: a lesson describes itself; kept as a table and read into C. */
#include <stdlib.h>
#include <string.h>

#include "lx_int.h"

void lx_lesson_clear(lx_lesson *ls) {
  free(ls->id);
  free(ls->title.ko);
  free(ls->title.en);
  free(ls->text.ko);
  free(ls->text.en);
  for (size_t i = 0; i < ls->ncompare; i++) free(ls->compare[i]);
  free(ls->compare);
  for (size_t i = 0; i < ls->nexpect_output; i++) free(ls->expect_output[i]);
  free(ls->expect_output);
  for (size_t i = 0; i < ls->npredict; i++) {
    lx_predict *q = &ls->predict[i];
    free(q->ask.ko);
    free(q->ask.en);
    free(q->why.ko);
    free(q->why.en);
    for (size_t j = 0; j < q->nchoices; j++) free(q->choices[j]);
  }
  free(ls->predict);
  free(ls->goal.ko);
  free(ls->goal.en);
  memset(ls, 0, sizeof *ls);
}

/* A text field: a string (both languages) or {ko = ..., en = ...}. */
static void read_text(lua_State *L, int t, const char *field, lx_text *out) {
  int ty = lua_getfield(L, t, field);
  if (ty == LUA_TSTRING) {
    out->ko = lx_strdup(lua_tostring(L, -1));
    out->en = lx_strdup(lua_tostring(L, -1));
  } else if (ty == LUA_TTABLE) {
    lua_getfield(L, -1, "ko");
    lua_getfield(L, -2, "en");
    out->ko = lx_strdup(lua_tostring(L, -2));
    out->en = lx_strdup(lua_tostring(L, -1));
    if (!out->ko && out->en) out->ko = lx_strdup(out->en);
    if (!out->en && out->ko) out->en = lx_strdup(out->ko);
    lua_pop(L, 2);
  } else if (ty != LUA_TNIL) {
    lx_raise(L, "TypeError", "lesson{}: '%s' must be a string or {ko=..., en=...}", field);
  }
  lua_pop(L, 1);
}

/* A list of strings; returns the count, fills *out. */
static size_t read_list(lua_State *L, int idx, const char *what, char ***out) {
  idx = lua_absindex(L, idx);
  lua_Integer n = luaL_len(L, idx);
  if (n < 0 || n > 100000) lx_raise(L, "ValueError", "lesson{}: '%s' is too long", what);
  char **v = calloc((size_t)n + 1, sizeof *v);
  if (!v) lx_raise(L, "MemoryError", "out of memory");
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, i);
    if (lua_type(L, -1) != LUA_TSTRING) {
      for (lua_Integer j = 1; j < i; j++) free(v[j - 1]);
      free(v);
      lx_raise(L, "TypeError", "lesson{}: '%s' must be a list of strings (item %d is %s)", what,
               (int)i, luaL_typename(L, -1));
    }
    v[i - 1] = lx_strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  *out = v;
  return (size_t)n;
}

/* predict = { {ask=, choices=, answer=, at=, why=}, ... } at the top of the stack. The array
   is attached to ls before any string is read, so a raise leaves nothing unowned. */
static void read_predict(lua_State *L, lx_lesson *ls) {
  int t = lua_gettop(L);
  lua_Integer n = luaL_len(L, t);
  if (n < 0 || n > 1000) lx_raise(L, "ValueError", "lesson{}: 'predict' is too long");
  if (n == 0) return;
  ls->predict = calloc((size_t)n, sizeof *ls->predict);
  if (!ls->predict) lx_raise(L, "MemoryError", "out of memory");
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_rawgeti(L, t, i) != LUA_TTABLE)
      lx_raise(L, "TypeError", "lesson{}: predict[%d] must be a table", (int)i);
    lx_predict *q = &ls->predict[ls->npredict++];
    int qi = lua_gettop(L);
    read_text(L, qi, "ask", &q->ask);
    read_text(L, qi, "why", &q->why);
    if (lua_getfield(L, qi, "choices") != LUA_TTABLE)
      lx_raise(L, "TypeError", "lesson{}: predict[%d].choices must be a list of strings", (int)i);
    lua_Integer nc = luaL_len(L, -1);
    if (nc < 2 || nc > LX_PREDICT_CHOICES)
      lx_raise(L, "ValueError", "lesson{}: predict[%d] needs 2 to 4 choices", (int)i);
    for (lua_Integer j = 1; j <= nc; j++) {
      if (lua_rawgeti(L, -1, j) != LUA_TSTRING)
        lx_raise(L, "TypeError", "lesson{}: predict[%d].choices must be a list of strings",
                 (int)i);
      q->choices[q->nchoices++] = lx_strdup(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, qi, "answer");
    q->answer = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (q->answer < 1 || (size_t)q->answer > q->nchoices)
      lx_raise(L, "ValueError", "lesson{}: predict[%d].answer must be 1..%d", (int)i,
               (int)q->nchoices);
    lua_getfield(L, qi, "at");
    q->at = lua_tonumber(L, -1);
    lua_pop(L, 2);
  }
}

static int l_lesson(lua_State *L) {
  lx_rt *rt = lx_get(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  lx_lesson_clear(&rt->lesson);
  rt->has_lesson = 0;
  lx_lesson *ls = &rt->lesson;
  if (lua_getfield(L, 1, "id") == LUA_TSTRING) ls->id = lx_strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  read_text(L, 1, "title", &ls->title);
  read_text(L, 1, "text", &ls->text);
  int ty = lua_getfield(L, 1, "compare");
  if (ty == LUA_TTABLE)
    ls->ncompare = read_list(L, -1, "compare", &ls->compare);
  else if (ty != LUA_TNIL)
    return lx_raise(L, "TypeError", "lesson{}: 'compare' must be a list of function names");
  lua_pop(L, 1);
  if (lua_getfield(L, 1, "expect") == LUA_TTABLE) {
    if (lua_getfield(L, -1, "output") == LUA_TTABLE) {
      ls->nexpect_output = read_list(L, -1, "expect.output", &ls->expect_output);
      ls->has_expect_output = 1;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "total") == LUA_TNUMBER) {
      ls->expect_total = lua_tonumber(L, -1);
      ls->has_expect_total = 1;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  ty = lua_getfield(L, 1, "predict");
  if (ty == LUA_TTABLE)
    read_predict(L, ls);
  else if (ty != LUA_TNIL)
    return lx_raise(L, "TypeError", "lesson{}: 'predict' must be a list of questions");
  lua_pop(L, 1);
  lua_getfield(L, 1, "exercise");
  ls->exercise = lua_toboolean(L, -1);
  lua_pop(L, 1);
  read_text(L, 1, "goal", &ls->goal);
  lua_pushvalue(L, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, rt->lesson_ref);
  rt->lesson_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  rt->has_lesson = 1;
  return 0;
}

void lx_open_lesson(lua_State *L, int env) {
  env = lua_absindex(L, env);
  lua_pushcfunction(L, l_lesson);
  lua_setfield(L, env, "lesson");
}

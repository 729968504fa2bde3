/* lx_errors.c -- Python's exception classes as Lua values: ValueError("x"), isinstance. */
#include <stdarg.h>
#include <string.h>

#include "lx_int.h"

#define CLASSES "loopscope.classes"

/* name, base: the hierarchy asyncio lessons meet (CancelledError is no Exception, 3.8+). */
static const char *const hierarchy[][2] = {
    {"BaseException", NULL},         {"Exception", "BaseException"},
    {"CancelledError", "BaseException"}, {"ValueError", "Exception"},
    {"RuntimeError", "Exception"},   {"TypeError", "Exception"},
    {"OSError", "Exception"},        {"TimeoutError", "OSError"},
    {"InvalidStateError", "Exception"}, {"LookupError", "Exception"},
    {"KeyError", "LookupError"},     {"IndexError", "LookupError"},
    {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"},
    {"NotImplementedError", "RuntimeError"}, {"FileNotFoundError", "OSError"},
    {"PermissionError", "OSError"},  {"MemoryError", "Exception"},
    {"RecursionError", "RuntimeError"}, {"QueueEmpty", "Exception"},
    {"QueueFull", "Exception"},      {"ConnectionError", "OSError"},
    {"IsADirectoryError", "OSError"}, {"FileExistsError", "OSError"},
};

static int push_class(lua_State *L, const char *name) {
  lua_getfield(L, LUA_REGISTRYINDEX, CLASSES);
  int t = lua_getfield(L, -1, name);
  lua_remove(L, -2);
  return t == LUA_TTABLE;
}

/* A class is a table that is also the metatable of its instances. */
static int is_class(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE) return 0;
  int t = lua_getfield(L, idx, "__errclass");
  lua_pop(L, 1);
  return t != LUA_TNIL;
}

/* Pushes str(e) of the error at idx: its message, or for a KeyError the key's repr
 * (str(KeyError('k')) is "'k'"). */
void lx_push_error_str(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  const char *type = lx_error_type(L, idx);
  if (type && !strcmp(type, "KeyError") && lua_getfield(L, idx, "value") != LUA_TNIL) {
    lx_push_repr(L, -1, 1);
    lua_remove(L, -2);
    return;
  }
  if (type && !strcmp(type, "KeyError")) lua_pop(L, 1);
  lua_getfield(L, idx, "message");
  if (!lua_isstring(L, -1)) {
    lua_pop(L, 1);
    lua_pushliteral(L, "");
  }
}

static int err_tostring(lua_State *L) {
  lx_push_error_str(L, 1);
  return 1;
}

int lx_new_error(lua_State *L, const char *type, const char *msg) {
  if (!push_class(L, type)) {
    lua_pop(L, 1);
    push_class(L, "RuntimeError");
  }
  lua_createtable(L, 0, 3);
  lua_getfield(L, -2, "__name");
  lua_setfield(L, -2, "type");
  lua_pushstring(L, msg ? msg : "");
  lua_setfield(L, -2, "message");
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_remove(L, -2);
  return 1;
}

int lx_raise(lua_State *L, const char *type, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  lx_new_error(L, type, msg);
  return lua_error(L);
}

/* Calling a class makes an instance: ValueError("msg"). */
static int class_call(lua_State *L) {
  lua_settop(L, 2);
  if (lua_isnoneornil(L, 2))
    lua_pushliteral(L, "");
  else
    lx_push_repr(L, 2, 0); /* 3: message */
  lua_createtable(L, 0, 4);
  lua_getfield(L, 1, "__name");
  lua_setfield(L, -2, "type");
  lua_pushvalue(L, 3);
  lua_setfield(L, -2, "message");
  lua_pushvalue(L, 2);
  lua_setfield(L, -2, "value");
  luaL_where(L, 1);
  lua_setfield(L, -2, "where");
  lua_pushvalue(L, 1);
  lua_setmetatable(L, -2);
  return 1;
}

/* The module Python names a class with: asyncio's own errors live in its submodules. */
static const char *class_module(const char *name) {
  static const char *const mods[][2] = {
      {"CancelledError", "asyncio.exceptions."}, {"InvalidStateError", "asyncio.exceptions."},
      {"QueueEmpty", "asyncio.queues."},         {"QueueFull", "asyncio.queues."},
      {"IncompleteReadError", "asyncio.exceptions."}, {"LimitOverrunError", "asyncio.exceptions."},
  };
  for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++)
    if (!strcmp(name, mods[i][0])) return mods[i][1];
  return "";
}

static int class_tostring(lua_State *L) {
  int user = lua_getfield(L, 1, "__user") != LUA_TNIL;
  lua_getfield(L, 1, "__name");
  const char *name = lua_tostring(L, -1);
  if (!name) name = "?";
  lua_pushfstring(L, "<class '%s%s'>", user ? "__main__." : class_module(name), name);
  return 1;
}

static void make_class(lua_State *L, int classes, int env, const char *name, int base_idx);

/* MyError = ValueError:extend("MyError"): user-defined exception classes. */
static int class_extend(lua_State *L) {
  luaL_argcheck(L, is_class(L, 1), 1, "an exception class expected");
  const char *name = luaL_checkstring(L, 2);
  lua_getfield(L, LUA_REGISTRYINDEX, CLASSES);
  make_class(L, lua_gettop(L), 0, name, 1);
  lua_pushboolean(L, 1); /* a lesson's own class: Python names it __main__.Name */
  lua_setfield(L, -2, "__user");
  return 1;
}

static void make_class(lua_State *L, int classes, int env, const char *name, int base_idx) {
  lua_createtable(L, 0, 8);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 1);
  lua_setfield(L, -2, "__errclass");
  if (base_idx) {
    lua_pushvalue(L, base_idx);
    lua_setfield(L, -2, "__base");
  }
  lua_pushcfunction(L, err_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, class_extend);
  lua_setfield(L, -2, "extend");
  /* the class's own metatable makes it callable */
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, class_call);
  lua_setfield(L, -2, "__call");
  lua_pushcfunction(L, class_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_setfield(L, classes, name);
  if (env) {
    lua_pushvalue(L, -1);
    lua_setfield(L, env, name);
  }
}

const char *lx_error_type(lua_State *L, int idx) {
  if (!lua_getmetatable(L, idx)) return NULL;
  const char *name = NULL;
  if (is_class(L, -1)) {
    lua_getfield(L, -1, "__name");
    name = lua_tostring(L, -1);
    lua_pop(L, 1); /* the string stays alive: the class holds it */
  }
  lua_pop(L, 1);
  return name;
}

/* Is the value at idx an instance of the class at cls (walking bases)? */
static int instance_of(lua_State *L, int idx, int cls) {
  idx = lua_absindex(L, idx);
  cls = lua_absindex(L, cls);
  if (!lua_getmetatable(L, idx)) return 0;
  while (is_class(L, -1)) {
    if (lua_rawequal(L, -1, cls)) {
      lua_pop(L, 1);
      return 1;
    }
    lua_getfield(L, -1, "__base");
    lua_remove(L, -2);
  }
  lua_pop(L, 1);
  return 0;
}

int lx_is_error_type(lua_State *L, int idx, const char *type) {
  idx = lua_absindex(L, idx);
  if (!push_class(L, type)) {
    lua_pop(L, 1);
    return 0;
  }
  int r = instance_of(L, idx, -1);
  lua_pop(L, 1);
  return r;
}

/* isinstance(t, asyncio.Task) and friends: a kind table {__kind = name} against the object's
 * kind (its metatable's __kind, or any name in its __isa set). */
static int is_kind(lua_State *L, const char *want) {
  int ok = 0;
  if (!strcmp(want, "Task")) { /* tasks and futures share a metatable */
    lx_fut *f = lx_tofut(L, 1);
    ok = f && task_is(lx_fut_loop(L, f)->loop, f->id);
  } else if (luaL_getmetafield(L, 1, "__isa") == LUA_TTABLE) {
    ok = lua_getfield(L, -1, want) != LUA_TNIL;
    lua_pop(L, 2);
  } else if (luaL_getmetafield(L, 1, "__kind") == LUA_TSTRING) {
    ok = !strcmp(want, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  return ok;
}

static int l_isinstance(lua_State *L) {
  luaL_checkany(L, 1);
  if (lua_type(L, 2) == LUA_TTABLE && !is_class(L, 2) &&
      lua_getfield(L, 2, "__kind") == LUA_TSTRING) {
    lua_pushboolean(L, is_kind(L, lua_tostring(L, -1)));
    return 1;
  }
  lua_settop(L, 2);
  if (lua_type(L, 2) == LUA_TTABLE && !is_class(L, 2)) { /* isinstance(x, {A, B}) */
    for (lua_Integer i = 1; lua_rawgeti(L, 2, i) != LUA_TNIL; i++) {
      if (is_class(L, -1) && instance_of(L, 1, -1)) {
        lua_pushboolean(L, 1);
        return 1;
      }
      lua_pop(L, 1);
    }
    lua_pushboolean(L, 0);
    return 1;
  }
  if (!is_class(L, 2)) return luaL_argerror(L, 2, "a class expected (ValueError, Exception, ...)");
  lua_pushboolean(L, instance_of(L, 1, 2));
  return 1;
}

const char *lx_describe_error(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  const char *type = lx_error_type(L, idx);
  if (type) {
    lx_push_error_str(L, idx);
    const char *m = lua_tostring(L, -1);
    if (m && *m)
      lua_pushfstring(L, "%s: %s", type, m);
    else
      lua_pushstring(L, type);
    lua_remove(L, -2);
  } else if (lua_type(L, idx) == LUA_TSTRING || lua_type(L, idx) == LUA_TNUMBER) {
    lua_pushstring(L, lua_tostring(L, idx));
  } else if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
    lua_pushvalue(L, idx); /* protected: a failing __tostring must not become a new error */
    if (lua_pcall(L, 1, 1, 0) != LUA_OK || lua_type(L, -1) != LUA_TSTRING) {
      lua_pop(L, 1);
      lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
    }
  } else {
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
  }
  return lua_tostring(L, -1);
}

void lx_open_errors(lua_State *L, int env) {
  env = lua_absindex(L, env);
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, CLASSES);
  int classes = lua_gettop(L);
  for (size_t i = 0; i < sizeof hierarchy / sizeof hierarchy[0]; i++) {
    int base = 0;
    if (hierarchy[i][1]) {
      lua_getfield(L, classes, hierarchy[i][1]);
      base = lua_gettop(L);
    }
    make_class(L, classes, env, hierarchy[i][0], base);
    lua_pop(L, base ? 2 : 1);
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, l_isinstance);
  lua_setfield(L, env, "isinstance");
}

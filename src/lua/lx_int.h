/* lx_int.h -- the runtime's insides, shared by the lx_*.c files only. */
#ifndef LX_INT_H
#define LX_INT_H

#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>

#include "loop.h"
#include "lx.h"

#define LX_CORO "loopscope.coro"
#define LX_NATIVE "loopscope.coro.native"
#define LX_FUT "loopscope.future"
#define LX_LOOP "loopscope.loop"
#define LX_MAXLOOPS 4096

/* Why a task's thread yielded (the await protocol; see lx_async.c). */
typedef enum { LX_REQ_NONE = 0, LX_REQ_SLEEP, LX_REQ_AWAIT } lx_req_kind;

/* A coroutine object: made by calling an async function; runs nothing until awaited.
 * User values: 1 the function (nil for a native one), 2 its name, 3.. the arguments. */
typedef enum { LX_NATIVE_NONE = 0, LX_NATIVE_SLEEP } lx_native;
typedef struct lx_coro {
  uint8_t consumed; /* awaited or wrapped in a task */
  uint8_t native;   /* a built-in: no user values but an optional result (1) */
  uint16_t nargs;
  int32_t line;   /* where it was made */
  uint32_t seq;   /* creation number (never-awaited reports come in creation order) */
  uint32_t loop;  /* serial of the loop running when it was made, 0 none */
  ls_id task;     /* the task it was wrapped in, 0 none */
  double delay;   /* native sleep */
  char *where;    /* debug mode: the creation traceback (malloc'd), else NULL */
} lx_coro;

/* A Task or Future as Lua sees it: ids, never engine pointers. */
typedef struct lx_fut {
  uint32_t loop; /* serial */
  ls_id id;
  int32_t defline; /* a task's function: the line it is defined at (0: not known yet) */
} lx_fut;

typedef struct lx_loop {
  struct lx_rt *rt;
  uint32_t serial;
  ls_loop *loop;
  ls_trace *trace;
  char *name;
  int running, closed, debug;
  uint64_t task_counter;
  int objs;          /* registry ref: table id -> Task/Future userdata */
  int vals;          /* registry ref: table id -> result or error value */
  int cbs;           /* registry ref: table of callback records */
  lua_State *co;     /* the task thread being stepped */
  ls_resume how;     /* how it was resumed */
  lx_req_kind req;   /* what it asked for when it yielded */
  ls_id req_obj;
  double req_delay;
  int32_t req_line;
  long budget_used;  /* instructions run in this step (for the message) */
  int killed;        /* the step went over its budget: keep raising */
  int status;        /* how the loop ended */
  double total;
} lx_loop;

typedef struct lx_wd lx_wd; /* lx_watchdog.c */

struct lx_rt {
  lua_State *L;
  lx_wd *wd; /* arms the instruction budget on a step that runs too long */
  lx_options opt;
  ls_clock clock;
  size_t mem, mem_limit;
  char *path, *chunkname, *source;
  size_t sourcelen;
  int chunk_ref;   /* the compiled lesson */
  int env_ref;     /* the lesson's global table */
  int lesson_ref;  /* the lesson{} table */
  lx_lesson lesson;
  int has_lesson;
  lx_loop *loops[LX_MAXLOOPS];
  uint32_t nloops;
  lx_loop *running; /* the loop whose run is under way */
  lx_loop *current; /* set_event_loop / get_event_loop's loop */
  const char *next_run_name;
  lx_runinfo *runs;
  char **outputs;
  size_t noutputs, capoutputs;
  struct lx_pending *pending; /* never-awaited reports waiting for the loop to end */
  size_t npending, cappending;
  uint32_t coro_seq;          /* coroutine objects made so far: reports go in this order */
  uint64_t rng[4];
  int log_level;
  int log_configured; /* logging.basicConfig was called (or a module-level log call made it) */
  char *log_format;   /* basicConfig's format=, NULL: %(levelname)s:%(name)s:%(message)s */
  int ran_loop; /* asyncio.run or run_until_complete ran at the top level */
  /* metatables, compared by pointer on hot paths (luaL_testudata looks names up) */
  const void *mt_coro, *mt_native, *mt_fut;
  int ref_coro, ref_native, ref_fut;
  int pool_ref;  /* registry: finished threads kept for new tasks (lx_async.c) */
  int npool;
  struct lx_io *io; /* async I/O: file workers, sandbox, HTTP (lx_io.c) */
};

/* The runtime lives in the main thread's extra space, copied into every thread. */
static inline lx_rt *lx_get(lua_State *L) {
  return *(lx_rt **)lua_getextraspace(L);
}

/* lx_sites.c: `await(` loaded as `__await_at[LINE](` where that is safe */
char *lx_sites_rewrite(const char *src, size_t len, size_t *outlen, int32_t **lines,
                       size_t *nlines); /* malloc'd, or NULL: load src as it is */
void lx_sites_install(lua_State *L, int env, const int32_t *lines, size_t n);
int lx_await_at(lua_State *L); /* lx_async.c: await with its line in upvalue 1 */

/* lx_state.c */
char *lx_strdup(const char *s); /* malloc'd copy; NULL for NULL or out of memory */
void lx_emit_err(lx_rt *rt, const char *s, size_t n);
void lx_emit_errf(lx_rt *rt, const char *fmt, ...);
void lx_note_output(lx_rt *rt, const char *s, size_t n);
int32_t lx_curline(lua_State *L); /* the innermost Lua line running in L */
/* The line of the Lua code that called the running C function (cheaper than lx_curline). */
static inline int32_t lx_callerline(lua_State *L) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline > 0)
    return ar.currentline;
  return lx_curline(L);
}
/* The userdata at idx if its metatable is mt (a pointer from lx_rt), else NULL. */
static inline void *lx_toud(lua_State *L, int idx, const void *mt) {
  if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return NULL;
  const void *m = lua_topointer(L, -1);
  lua_pop(L, 1);
  return m == mt ? lua_touserdata(L, idx) : NULL;
}
/* Python-style "File ..., line N, in f" lines (malloc'd); an unnamed outermost frame is
 * called topname when given. */
char *lx_traceback_py(lua_State *L, lua_State *co, int level, const char *topname);
typedef struct lx_pending {
  uint32_t seq; /* the coroutine object's creation number */
  char *text;
} lx_pending;
void lx_add_pending(lx_rt *rt, uint32_t seq, const char *s);
void lx_flush_pending(lx_rt *rt, lx_loop *lp);
int lx_docall(lua_State *L, int nargs, int nres); /* pcall with a traceback handler */

/* lx_errors.c */
void lx_open_errors(lua_State *L, int env);
int lx_new_error(lua_State *L, const char *type, const char *msg); /* pushes it */
int lx_raise(lua_State *L, const char *type, const char *fmt, ...);
int lx_is_error_type(lua_State *L, int idx, const char *type); /* isinstance by name */
const char *lx_py_typename(lua_State *L, int idx); /* type(x).__name__: int, str, NoneType */
void lx_push_error_str(lua_State *L, int idx); /* str(e): the message; a KeyError's key repr */
const char *lx_error_type(lua_State *L, int idx);             /* "ValueError", or NULL */
/* "ValueError: msg" for any error value; pushes the string. */
const char *lx_describe_error(lua_State *L, int idx);

/* lx_async.c */
void lx_open_async(lua_State *L, int env);
lx_coro *lx_tocoro(lua_State *L, int idx);
ls_id lx_spawn(lua_State *L, lx_loop *lp, int coro_idx, const char *name); /* pushes handle */
void lx_step(ls_loop *l, ls_id task, void *ud, ls_resume how, ls_step_out *out);
const char *lx_coro_name(lua_State *L, int idx); /* pushes nothing; valid while idx lives */
void lx_budget_hook(lua_State *L, lua_Debug *ar); /* raises "... the event loop is blocked" */

/* lx_watchdog.c: enter when Lua code starts running on co (NULL: none, the loop waits);
 * leave with what enter returned when it stops. */
lx_wd *lx_wd_new(lua_Hook hook, long budget);
void lx_wd_free(lx_wd *wd);
int lx_is_async(lua_State *L, int idx); /* made by async()? */
int lx_is_coro(lua_State *L, int idx);  /* a coroutine object, or a sleep value */
const char *lx_awaited_name(lua_State *L, int lvl);

/* lx_future.c */
void lx_open_future(lua_State *L);
lx_fut *lx_tofut(lua_State *L, int idx);
lx_loop *lx_fut_loop(lua_State *L, lx_fut *f); /* raises if the loop is gone */
void lx_push_handle(lua_State *L, lx_loop *lp, ls_id id); /* cached per id */
void lx_push_value(lua_State *L, lx_loop *lp, ls_id id);
void lx_cancel_with(lua_State *L, lx_loop *lp, ls_id id); /* cancel(msg)'s message, at top */
void lx_push_cancelled(lua_State *L, lx_loop *lp, ls_id id); /* _make_cancelled_error() */
void lx_set_value(lua_State *L, lx_loop *lp, ls_id id, int idx);
/* Pushes the result of done future id, or raises its error / CancelledError. */
int lx_fut_outcome(lua_State *L, lx_loop *lp, ls_id id);
const char *lx_fut_repr(lua_State *L, lx_loop *lp, ls_id id); /* pushes it */
void lx_lua_callback(ls_loop *l, void *ud, uint64_t ref, ls_id fut);
int lx_add_lua_callback(lua_State *L, lx_loop *lp, ls_id fut, int fn_idx);

/* lx_asyncio.c */
void lx_open_asyncio(lua_State *L, int env);
lx_loop *lx_running(lua_State *L, const char *what); /* raises "no running event loop" */
lx_loop *lx_loop_new(lua_State *L, const char *name);
int lx_gather_cancel(ls_loop *l, void *host, ls_id fut);

/* lx_std.c */
typedef struct lx_sbuf {
  char *p;
  size_t n, cap;
  int oom;
  int err; /* a __tostring failed: its error waits for lx_sb_check */
} lx_sbuf;
void lx_sb_add(lx_sbuf *b, const char *s, size_t n);
void lx_sb_adds(lx_sbuf *b, const char *s);
void lx_sb_addc(lx_sbuf *b, char c);
void lx_sb_addtop(lua_State *L, lx_sbuf *b); /* adds the string on top and pops it */
const char *lx_sb_push(lua_State *L, lx_sbuf *b); /* pushes the text and frees b */
void lx_sb_check(lua_State *L, lx_sbuf *b); /* b->err: frees b and raises the error */
void lx_open_std(lua_State *L, int env);
/* Python's str() (quoted 0) or repr() (quoted 1) of the value at idx, appended to b. */
void lx_repr(lua_State *L, int idx, lx_sbuf *b, int quoted, int depth);
const char *lx_push_repr(lua_State *L, int idx, int quoted);
void lx_log(lx_rt *rt, int level, const char *logger, const char *msg);

/* lx_sync.c, lx_io.c */
void lx_open_sync(lua_State *L, int env);
void lx_open_io(lua_State *L, int env);
int lx_io_idle(ls_loop *l, void *host, ls_time deadline); /* the loop's idle hook */

/* lx_lesson.c */
void lx_open_lesson(lua_State *L, int env);
void lx_lesson_clear(lx_lesson *ls);

#include "lx_watchdog.h" /* lx_wd_enter/leave, inline */

#endif

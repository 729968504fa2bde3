/* lx_io.h -- what async I/O keeps per runtime, shared by lx_io.c (aiofiles, the sandbox, the
 * loop's idle hook) and lx_http.c (aiohttp). */
#ifndef LX_IO_H
#define LX_IO_H

#include "lx_int.h"
#include "lx_pool.h"

typedef struct io_op io_op;     /* a file operation (lx_io.c) */
typedef struct lx_http lx_http; /* libcurl's multi handle and its transfers (lx_http.c) */
typedef struct lx_io lx_io;

struct lx_io {
  lx_rt *rt;
  lx_pool *pool;  /* made at the first file operation */
  char *root;     /* the sandbox folder, resolved (realpath); made at the first open */
  int root_owned; /* a per-run folder we made: removed when the runtime ends */
  io_op *ops;     /* every file operation not yet delivered, newest first */
  lx_http *http;  /* made at the first real HTTP request */
};

/* ---- lx_io.c, for lx_http.c ---- */
/* An async function (a coroutine object maker) named `name` whose body is the C function. */
void lx_io_push_async(lua_State *L, int env, const char *name, lua_CFunction body);
/* Ends a C async body: awaits future `fut` of lp and returns what await returns. */
int lx_io_await(lua_State *L, lx_loop *lp, ls_id fut);
/* The loop with this serial if it can still take a result, else NULL. */
lx_loop *lx_io_loop(lx_rt *rt, uint32_t serial);
/* Resolves fut with what build(L) pushes (a value and a short trace text), or with the
 * error it raises; build runs protected and receives ud as a light userdata. */
void lx_io_deliver(lx_loop *lp, ls_id fut, lua_CFunction build, void *ud);
/* Pushes lesson{}'s field (nil without one); returns its type. */
int lx_io_lesson_field(lua_State *L, const char *field);
/* Adds a trace note about an operation on future fut ("aiofiles: read 'a.txt'"). */
void lx_io_note(lx_loop *lp, ls_id fut, int32_t line, const char *fmt, ...);

/* ---- lx_http.c ---- */
void lx_http_open(lua_State *L, int env);
/* Transfers still running for loop `serial` (0: for any loop). */
int lx_http_busy(lx_io *io, uint32_t serial);
/* Waits up to ms (0: just look) for curl's sockets or extra_fd (-1: none) to be ready. */
void lx_http_wait(lx_io *io, int extra_fd, int ms);
/* Moves the transfers along and delivers the finished ones; returns how many. */
int lx_http_deliver(lx_io *io);
void lx_http_free(lx_io *io);

#endif

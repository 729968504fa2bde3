/* lx_io.c -- aiofiles on the loop: every open, read, write and close really happens on a
 * worker thread (lx_pool.c) while the loop runs other tasks, and comes back as the result
 * of a future the task awaits, so the trace shows the task waiting. Paths are confined to
 * the lesson's sandbox folder. Also the loop's idle hook, which waits for file and HTTP
 * completions together with the next timer on the real clock.
 *
 * On the virtual clock a completion is due at a modelled time (lesson{io = {latency = s,
 * bandwidth = bytes/s}}): a timer fires then and, if the worker is still at it, the loop
 * waits for the worker. Only timers order events, never the wall clock. On the real
 * clock the worker posts its completion and the loop wakes from poll() to take it. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lx_io.h"

#define LX_IOSTATE "loopscope.io"
#define LX_IOFILE "loopscope.aiofile"
#define AWAIT_KEY "loopscope.io.await"
#define IO_THREADS 4
#define IO_LATENCY 0.001   /* seconds per operation, on the virtual clock */
#define IO_BANDWIDTH 100e6 /* bytes per second added on top, on the virtual clock */
#define IO_MAX_READ ((size_t)256 << 20)

/* ---- the state, its end, and helpers shared with lx_http.c ---- */

static lx_io *get_io(lua_State *L) {
  return lx_get(L)->io;
}

void lx_io_push_async(lua_State *L, int env, const char *name, lua_CFunction body) {
  env = lua_absindex(L, env);
  lua_getfield(L, env, "async");
  lua_pushstring(L, name);
  lua_pushcfunction(L, body);
  lua_call(L, 2, 1);
}

static int await_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status, (void)ctx;
  return 1;
}

int lx_io_await(lua_State *L, lx_loop *lp, ls_id fut) {
  lua_getfield(L, LUA_REGISTRYINDEX, AWAIT_KEY);
  lx_push_handle(L, lp, fut);
  lua_callk(L, 1, 1, 0, await_k);
  return 1;
}

lx_loop *lx_io_loop(lx_rt *rt, uint32_t serial) {
  if (serial == 0 || serial > rt->nloops) return NULL;
  lx_loop *lp = rt->loops[serial - 1];
  return lp->closed || loop_closed(lp->loop) ? NULL : lp;
}

int lx_io_lesson_field(lua_State *L, const char *field) {
  lx_rt *rt = lx_get(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt->lesson_ref);
  if (lua_type(L, -1) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_pushnil(L);
    return LUA_TNIL;
  }
  lua_pushstring(L, field);
  int t = lua_rawget(L, -2);
  lua_remove(L, -2);
  return t;
}

void lx_io_note(lx_loop *lp, ls_id fut, int32_t line, const char *fmt, ...) {
  char buf[320];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
  loop_note(lp->loop, LS_EV_NOTE, 0, fut, line, trace_intern(lp->trace, buf, len));
}

typedef struct deliver_args {
  lx_loop *lp;
  ls_id fut;
  lua_CFunction build;
  void *ud;
} deliver_args;

static int64_t intern_text(lx_loop *lp, const char *s) {
  if (!s) return 0;
  size_t n = strlen(s);
  return trace_intern(lp->trace, s, n > 200 ? 200 : n);
}

/* Protected: build the value, keep it, resolve the future. */
static int deliver_p(lua_State *L) {
  deliver_args *a = lua_touserdata(L, 1);
  lua_pushcfunction(L, a->build);
  lua_pushlightuserdata(L, a->ud);
  lua_call(L, 1, 2);
  lx_set_value(L, a->lp, a->fut, -2);
  fut_resolve(a->lp->loop, a->fut, LS_OUT_RESULT, intern_text(a->lp, lua_tostring(L, -1)));
  return 0;
}

/* Protected: the error at 2 (made an exception object if it is not one) fails the future. */
static int deliver_err_p(lua_State *L) {
  deliver_args *a = lua_touserdata(L, 1);
  if (!lx_error_type(L, 2)) {
    const char *msg = lua_tostring(L, 2);
    lx_new_error(L, msg && strstr(msg, "not enough memory") ? "MemoryError" : "RuntimeError",
                 msg ? msg : "an error without a message");
    lua_replace(L, 2);
  }
  lx_set_value(L, a->lp, a->fut, 2);
  const char *desc = lx_describe_error(L, 2);
  fut_resolve(a->lp->loop, a->fut, LS_OUT_ERROR, intern_text(a->lp, desc));
  return 0;
}

void lx_io_deliver(lx_loop *lp, ls_id fut, lua_CFunction build, void *ud) {
  lua_State *L = lp->rt->L;
  if (fut_state(lp->loop, fut) != LS_FUT_PENDING) return; /* cancelled meanwhile */
  int top = lua_gettop(L);
  deliver_args a = {lp, fut, build, ud};
  lua_pushcfunction(L, deliver_p);
  lua_pushlightuserdata(L, &a);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK && fut_state(lp->loop, fut) == LS_FUT_PENDING) {
    lua_pushcfunction(L, deliver_err_p);
    lua_insert(L, -2);
    lua_pushlightuserdata(L, &a);
    lua_insert(L, -2);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK && fut_state(lp->loop, fut) == LS_FUT_PENDING)
      fut_resolve(lp->loop, fut, LS_OUT_CANCELLED, 0); /* out of memory twice over */
  }
  lua_settop(L, top);
}

/* ---- the sandbox folder ---- */

/* mkdir -p; 0 or -1 with errno. */
static int make_dirs(const char *path) {
  char buf[PATH_MAX];
  size_t n = strlen(path);
  if (n == 0 || n >= sizeof buf) {
    errno = n ? ENAMETOOLONG : ENOENT;
    return -1;
  }
  memcpy(buf, path, n + 1);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
  struct stat st;
  if (stat(buf, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

/* A fresh per-run folder under the user's cache (else the temporary folder). */
static int make_run_dir(char *out, size_t len) {
  const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  char base[PATH_MAX];
  int ok = 0;
  if (xdg && xdg[0] == '/')
    ok = snprintf(base, sizeof base, "%s/loopscope/sandbox", xdg) < (int)sizeof base;
  else if (home && home[0] == '/')
    ok = snprintf(base, sizeof base, "%s/.cache/loopscope/sandbox", home) < (int)sizeof base;
  if (ok && make_dirs(base) == 0 && snprintf(out, len, "%s/run-XXXXXX", base) < (int)len &&
      mkdtemp(out))
    return 0;
  const char *tmp = getenv("TMPDIR");
  if (!tmp || tmp[0] != '/') tmp = "/tmp";
  if (snprintf(out, len, "%s/loopscope-sandbox-XXXXXX", tmp) >= (int)len) return -1;
  return mkdtemp(out) ? 0 : -1;
}

/* The resolved sandbox folder, made at the first need; raises OSError when it cannot be. */
static const char *ensure_root(lua_State *L, lx_io *io) {
  if (io->root) return io->root;
  const char *wd = io->rt->opt.workdir;
  char dir[PATH_MAX], real[PATH_MAX];
  int owned = 0;
  if (wd && *wd) {
    if (make_dirs(wd) != 0) {
      lx_raise(L, "OSError", "the sandbox folder '%s' cannot be used: %s", wd, strerror(errno));
      return NULL;
    }
    snprintf(dir, sizeof dir, "%s", wd);
  } else {
    if (make_run_dir(dir, sizeof dir) != 0) {
      lx_raise(L, "OSError", "no sandbox folder could be made for the lesson: %s",
               strerror(errno));
      return NULL;
    }
    owned = 1;
  }
  if (!realpath(dir, real) || !(io->root = lx_strdup(real))) {
    lx_raise(L, "OSError", "the sandbox folder '%s' cannot be used: %s", dir, strerror(errno));
    return NULL;
  }
  io->root_owned = owned;
  return io->root;
}

/* Removes what a lesson left in the per-run folder; never follows a symlink. */
static void remove_tree(int at, const char *name, int depth) {
  int fd = depth < 64 ? openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
  if (fd < 0) {
    unlinkat(at, name, 0);
    return;
  }
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    remove_tree(dirfd(d), e->d_name, depth + 1);
  }
  closedir(d);
  unlinkat(at, name, AT_REMOVEDIR);
}

static int inside(const char *root, const char *path) {
  size_t n = strlen(root);
  if (n == 1) return path[0] == '/'; /* a sandbox at / holds everything */
  return !strncmp(path, root, n) && (path[n] == '/' || path[n] == '\0');
}

static const char WHY_DOTDOT[] = "outside the lesson's sandbox folder: '..' is not allowed";
static const char WHY_ABS[] =
    "outside the lesson's sandbox folder: paths are relative to the sandbox folder";
static const char WHY_LINK[] = "a symlink leading out of the lesson's sandbox folder";
static const char WHY_SPECIAL[] = "not a regular file";

/* Lexical rules, checked on the loop's thread: NULL if the path may be tried. */
static const char *path_refusal(const char *path) {
  if (path[0] == '/') return WHY_ABS;
  for (const char *p = path; *p;) {
    const char *e = strchr(p, '/');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.') return WHY_DOTDOT;
    if (!e) break;
    p = e + 1;
  }
  return NULL;
}

/* Opens root/rel (rel passed path_refusal) without leaving root: symlinks are followed only
 * when they resolve inside it. On a worker thread. Returns the fd, or -1 with errno (and
 * *why for a sandbox refusal). */
static int sandbox_open(const char *root, const char *rel, int flags, const char **why) {
  char full[PATH_MAX], real[PATH_MAX], target[PATH_MAX];
  if (snprintf(full, sizeof full, "%s/%s", root, rel) >= (int)sizeof full) {
    errno = ENAMETOOLONG;
    return -1;
  }
  const char *path = full;
  if (realpath(full, real)) {
    if (!inside(root, real)) {
      *why = WHY_LINK;
      errno = EACCES;
      return -1;
    }
    path = real;
  } else {
    if (errno != ENOENT || !(flags & O_CREAT)) return -1;
    /* a new file: its folder must exist inside the sandbox */
    char *slash = strrchr(full, '/');
    if (!slash[1]) {
      errno = EISDIR;
      return -1;
    }
    *slash = '\0';
    if (!realpath(full, real)) return -1;
    *slash = '/';
    if (!inside(root, real)) {
      *why = WHY_LINK;
      errno = EACCES;
      return -1;
    }
    if (snprintf(target, sizeof target, "%s/%s", real, slash + 1) >= (int)sizeof target) {
      errno = ENAMETOOLONG;
      return -1;
    }
    path = target;
  }
  /* O_NOFOLLOW: a dangling symlink is not a way out; O_NONBLOCK: a FIFO cannot hang us */
  int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (errno == ELOOP) {
      *why = WHY_LINK;
      errno = EACCES;
    }
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int e = S_ISDIR(st.st_mode) ? EISDIR : EACCES;
    if (e == EACCES) *why = WHY_SPECIAL;
    close(fd);
    errno = e;
    return -1;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/* ---- file operations ---- */

typedef enum { OP_OPEN, OP_READ, OP_WRITE, OP_CLOSE } op_kind;
static const char *const op_names[] = {"open", "read", "write", "close"};

typedef struct io_file {
  int fd; /* -1 once closed */
  int readable, writable;
  int closed;     /* close() was asked for: new operations are refused */
  int busy;       /* an operation is with the pool; the rest wait in the queue, in order */
  int close_idle; /* closed by __close while busy: close the fd when the queue empties */
  int refs;       /* the Lua object, and each operation naming this file */
  io_op *qhead, *qtail;
  char *name;
  char mode[8];
  int text;    /* no 'b' in the mode: reads translate \r\n and \r to \n, writes count chars */
  int cr_last; /* the last read ended with a \r made \n: drop a \n that starts the next */
} io_file;

struct io_op {
  lx_job job; /* first: the pool sees only this */
  op_kind kind;
  io_op *prev, *next; /* io->ops */
  io_op *fnext;       /* the file's queue */
  io_file *file;
  uint32_t loop;
  ls_id fut;
  int32_t line;
  double latency;   /* virtual clock: seconds per operation */
  double bandwidth; /* virtual clock: bytes per second (0: none) */
  int phase2;       /* virtual read: the size-dependent part of its latency has begun */
  /* in */
  const char *root;
  char *path;
  int flags, fd;
  char *data;
  size_t len;
  lua_Integer want; /* read size, -1 for all */
  /* out */
  int err;
  const char *why;
  int newfd;
  char *buf;
  size_t n;
};

static void file_unref(io_file *f) {
  if (--f->refs > 0) return;
  if (f->fd >= 0) close(f->fd);
  free(f->name);
  free(f);
}

static void op_run(lx_job *j) {
  io_op *op = (io_op *)j;
  switch (op->kind) {
  case OP_OPEN:
    op->newfd = sandbox_open(op->root, op->path, op->flags, &op->why);
    if (op->newfd < 0) op->err = errno;
    else if (op->flags & O_APPEND) /* Python starts an 'a' file at its end, a+ reads too */
      lseek(op->newfd, 0, SEEK_END);
    break;
  case OP_READ: {
    /* up to `want` bytes, or all of it (EFBIG past IO_MAX_READ); the buffer grows as read */
    size_t limit =
        op->want >= 0 && (size_t)op->want < IO_MAX_READ ? (size_t)op->want : IO_MAX_READ;
    size_t cap = limit < 65536 ? limit : 65536;
    op->buf = malloc(cap ? cap : 1);
    if (!op->buf) {
      op->err = ENOMEM;
      break;
    }
    for (;;) {
      if (op->n == cap) {
        if (cap == limit) {
          char c;
          if (op->want < 0 && read(op->fd, &c, 1) == 1) op->err = EFBIG;
          break;
        }
        size_t ncap = cap * 2 < limit ? cap * 2 : limit;
        char *nb = realloc(op->buf, ncap);
        if (!nb) {
          op->err = ENOMEM;
          break;
        }
        op->buf = nb;
        cap = ncap;
      }
      ssize_t r = read(op->fd, op->buf + op->n, cap - op->n);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) op->err = errno;
      if (r <= 0) break;
      op->n += (size_t)r;
    }
    break;
  }
  case OP_WRITE:
    while (op->n < op->len) {
      ssize_t w = write(op->fd, op->data + op->n, op->len - op->n);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        op->err = errno;
        break;
      }
      op->n += (size_t)w;
    }
    break;
  case OP_CLOSE:
    if (close(op->fd) != 0 && errno != EINTR) op->err = errno;
    break;
  }
}

/* Python's text reading: \r\n and \r become \n, also across two reads. Returns the length. */
static size_t universal_newlines(io_file *f, char *buf, size_t n) {
  size_t o = 0, i = 0;
  if (f->cr_last && n > 0 && buf[0] == '\n') i = 1;
  if (n > 0) f->cr_last = 0;
  for (; i < n; i++) {
    if (buf[i] != '\r') {
      buf[o++] = buf[i];
      continue;
    }
    buf[o++] = '\n';
    if (i + 1 < n && buf[i + 1] == '\n')
      i++;
    else if (i + 1 == n)
      f->cr_last = 1;
  }
  return o;
}

static void op_free(io_op *op) {
  if (op->kind == OP_OPEN && op->newfd >= 0) close(op->newfd); /* nobody took it */
  if (op->file) file_unref(op->file);
  free(op->path);
  free(op->data);
  free(op->buf);
  free(op);
}

static void op_unlink(lx_io *io, io_op *op) {
  if (op->prev)
    op->prev->next = op->next;
  else if (io->ops == op)
    io->ops = op->next;
  if (op->next) op->next->prev = op->prev;
  op->prev = op->next = NULL;
}

static void op_start(lx_io *io, io_op *op);
static void op_finish(lx_io *io, io_op *op);

/* Pushes an OSError subclass for errno e, Python style: "[Errno 2] No such file or
 * directory: 'x.txt'", with errno, strerror and filename fields. */
static void push_oserror(lua_State *L, int e, const char *why, const char *path) {
  const char *type = e == ENOENT                 ? "FileNotFoundError"
                     : e == EACCES || e == EPERM ? "PermissionError"
                     : e == EISDIR               ? "IsADirectoryError"
                     : e == EEXIST               ? "FileExistsError"
                                                 : "OSError";
  const char *se = strerror(e);
  if (why && path)
    lua_pushfstring(L, "[Errno %d] %s: '%s' (%s)", e, se, path, why);
  else if (path)
    lua_pushfstring(L, "[Errno %d] %s: '%s'", e, se, path);
  else
    lua_pushfstring(L, "[Errno %d] %s", e, se);
  lx_new_error(L, type, lua_tostring(L, -1));
  lua_remove(L, -2);
  lua_pushinteger(L, e);
  lua_setfield(L, -2, "errno");
  lua_pushstring(L, se);
  lua_setfield(L, -2, "strerror");
  if (path) {
    lua_pushstring(L, path);
    lua_setfield(L, -2, "filename");
  }
}

/* The Lua object of a file (the file itself outlives it while operations are queued). */
typedef struct file_box {
  io_file *f;
} file_box;

/* What a finished operation gives the awaiting task (run protected by lx_io_deliver). */
static int op_build(lua_State *L) {
  io_op *op = lua_touserdata(L, 1);
  if (op->err) {
    push_oserror(L, op->err, op->why,
                 op->kind == OP_OPEN ? op->path
                 : op->file          ? op->file->name
                                     : NULL);
    return lua_error(L);
  }
  switch (op->kind) {
  case OP_OPEN: {
    file_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->f = NULL;
    luaL_setmetatable(L, LX_IOFILE);
    io_file *f = calloc(1, sizeof *f);
    char *name = lx_strdup(op->path);
    if (!f || !name) {
      free(f);
      free(name);
      return lx_raise(L, "MemoryError", "out of memory");
    }
    f->fd = op->newfd;
    f->name = name;
    f->refs = 1;
    int acc = op->flags & O_ACCMODE;
    f->readable = acc != O_WRONLY;
    f->writable = acc != O_RDONLY;
    snprintf(f->mode, sizeof f->mode, "%s", op->data ? op->data : "r");
    f->text = !strchr(f->mode, 'b');
    op->newfd = -1;
    b->f = f;
    lua_pushfstring(L, "<file '%s' mode='%s'>", f->name, f->mode);
    return 2;
  }
  case OP_READ: {
    size_t got = op->n;
    if (op->buf && op->file && op->file->text) op->n = universal_newlines(op->file, op->buf, op->n);
    lua_pushlstring(L, op->buf ? op->buf : "", op->n);
    lua_pushfstring(L, "%d bytes read", (int)got);
    return 2;
  }
  case OP_WRITE: {
    size_t count = op->n; /* text mode counts characters, as Python's write returns */
    if (op->file && op->file->text)
      for (size_t i = count = 0; i < op->n; i++) count += ((unsigned char)op->data[i] & 0xC0) != 0x80;
    lua_pushinteger(L, (lua_Integer)count);
    lua_pushfstring(L, "%d bytes written", (int)op->n);
    return 2;
  }
  default:
    lua_pushnil(L);
    lua_pushnil(L);
    return 2;
  }
}

/* The file's next queued operation, once the one before it is done. Operations whose
 * task stopped waiting are dropped unstarted, as an executor drops a cancelled job, except
 * close, which always happens. */
static void file_next(lx_io *io, io_file *f) {
  while (!f->busy && f->qhead) {
    io_op *op = f->qhead;
    f->qhead = op->fnext;
    if (!f->qhead) f->qtail = NULL;
    op->fnext = NULL;
    lx_loop *lp = lx_io_loop(io->rt, op->loop);
    if (op->kind != OP_CLOSE && (!lp || fut_state(lp->loop, op->fut) != LS_FUT_PENDING)) {
      op_unlink(io, op);
      op_free(op);
      continue;
    }
    f->busy = 1;
    op_start(io, op);
  }
  if (!f->busy && !f->qhead && f->close_idle && f->fd >= 0) {
    close(f->fd);
    f->fd = -1;
  }
}

/* The operation is over (its worker is done): the file moves on, the task gets its result. */
static void op_finish(lx_io *io, io_op *op) {
  op_unlink(io, op);
  io_file *f = op->file;
  if (f) {
    f->busy = 0;
    if (op->kind == OP_CLOSE) f->fd = -1; /* the worker closed it */
  }
  lx_loop *lp = lx_io_loop(io->rt, op->loop);
  if (lp) lx_io_deliver(lp, op->fut, op_build, op);
  if (f) {
    f->refs++; /* op_free may drop the last reference; file_next still needs it */
    op_free(op);
    file_next(io, f);
    file_unref(f);
  } else {
    op_free(op);
  }
}

/* The modelled delay of an operation on the virtual clock. */
static int io_config(lua_State *L, double *latency, double *bandwidth) {
  *latency = IO_LATENCY;
  *bandwidth = IO_BANDWIDTH;
  if (lx_io_lesson_field(L, "io") == LUA_TTABLE) {
    if (lua_getfield(L, -1, "latency") != LUA_TNIL) {
      double v = lua_tonumber(L, -1);
      if (!lua_isnumber(L, -1) || !(v >= 0) || v > 3600)
        return lx_raise(L, "ValueError", "lesson{io}: latency must be seconds from 0 to 3600");
      *latency = v;
    }
    if (lua_getfield(L, -2, "bandwidth") != LUA_TNIL) {
      double v = lua_tonumber(L, -1);
      if (!lua_isnumber(L, -1) || !(v >= 0))
        return lx_raise(L, "ValueError",
                        "lesson{io}: bandwidth must be bytes per second (0: no size cost)");
      *bandwidth = v;
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  return 0;
}

static ls_time size_delay(double bandwidth, size_t n) {
  if (!(bandwidth > 0) || bandwidth == HUGE_VAL) return 0;
  return LS_FROM_SEC((double)n / bandwidth);
}

static void vtimer_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut);

static int64_t op_label(lx_loop *lp, io_op *op) {
  char buf[32];
  int n = snprintf(buf, sizeof buf, "aiofiles: %s done", op_names[op->kind]);
  return trace_intern(lp->trace, buf, (size_t)n);
}

static void vtimer_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  (void)fut;
  lx_io *io = ud;
  io_op *op = (io_op *)(uintptr_t)arg;
  lx_pool_wait(io->pool, &op->job); /* the modelled time has come: the worker must be done */
  if (op->kind == OP_READ && !op->phase2 && !op->err) {
    ls_time extra = size_delay(op->bandwidth, op->n);
    lx_loop *lp = loop_host(l);
    op->phase2 = 1;
    if (extra > 0 && loop_call_later(l, extra, vtimer_cb, io, arg, op_label(lp, op), op->line))
      return;
  }
  op_finish(io, op);
}

/* Hands the operation to a worker; on the virtual clock also arms its due time. */
static void op_start(lx_io *io, io_op *op) {
  lx_rt *rt = io->rt;
  int real = rt->clock.mode == LS_CLOCK_REAL;
  if (op->file) op->fd = op->file->fd;
  lx_loop *lp = lx_io_loop(rt, op->loop);
  op->job.notify = real;
  if (!real) {
    ls_time d = LS_FROM_SEC(op->latency);
    if (op->kind == OP_WRITE) d += size_delay(op->bandwidth, op->len);
    if (!lp || !loop_call_later(lp->loop, d, vtimer_cb, io, (uint64_t)(uintptr_t)op,
                                op_label(lp, op), op->line)) {
      /* a close left for a loop that is gone (or no memory for a timer): nothing can time
         it, so it happens here and now */
      op_run(&op->job);
      op->job.done = op->job.taken = 1;
      op_finish(io, op);
      return;
    }
  }
  lx_pool_submit(io->pool, &op->job);
}

/* ---- the file object ---- */

static io_file *check_file(lua_State *L, int idx) {
  file_box *b = luaL_testudata(L, idx, LX_IOFILE);
  if (!b || !b->f) {
    lx_raise(L, "TypeError",
             "an aiofiles file was expected (call it as f:read(), with a colon)");
    return NULL;
  }
  return b->f;
}

static int file_gc(lua_State *L) {
  file_box *b = lua_touserdata(L, 1);
  if (b->f) file_unref(b->f); /* with operations still queued, the last one closes it */
  b->f = NULL;
  return 0;
}

/* local f <close> = await(aiofiles.open(...)): closed when the variable goes out of scope,
 * at once if no operation is under way, else right after the last one. */
static int file_close_now(lua_State *L) {
  file_box *b = lua_touserdata(L, 1);
  io_file *f = b->f;
  if (!f || f->closed) return 0;
  f->closed = 1;
  if (f->busy || f->qhead) {
    f->close_idle = 1;
  } else if (f->fd >= 0) {
    close(f->fd);
    f->fd = -1;
  }
  return 0;
}

static int file_tostring(lua_State *L) {
  io_file *f = check_file(L, 1);
  lua_pushfstring(L, "<aiofiles file '%s' mode='%s'%s>", f->name, f->mode,
                  f->closed ? " closed" : "");
  return 1;
}

static int file_index(lua_State *L) {
  io_file *f = check_file(L, 1);
  const char *k = lua_tostring(L, 2);
  if (k && !strcmp(k, "name")) {
    lua_pushstring(L, f->name);
  } else if (k && !strcmp(k, "mode")) {
    lua_pushstring(L, f->mode);
  } else if (k && !strcmp(k, "closed")) {
    lua_pushboolean(L, f->closed);
  } else {
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
  }
  return 1;
}

/* ---- the async bodies: start an operation, then await its future ---- */

static void ensure_pool(lua_State *L, lx_io *io) {
  if (!io->pool && !(io->pool = lx_pool_new(IO_THREADS)))
    lx_raise(L, "OSError", "aiofiles: no worker thread could be started");
}

static io_op *op_new(lua_State *L, lx_io *io, lx_loop *lp, op_kind kind) {
  double latency, bandwidth;
  io_config(L, &latency, &bandwidth);
  ensure_pool(L, io);
  io_op *op = calloc(1, sizeof *op);
  if (!op) {
    lx_raise(L, "MemoryError", "out of memory");
    return NULL;
  }
  op->job.run = op_run;
  op->kind = kind;
  op->loop = lp->serial;
  op->line = lx_callerline(L);
  op->latency = latency;
  op->bandwidth = bandwidth;
  op->fd = op->newfd = -1;
  op->want = -1;
  return op;
}

/* Gives op a future, starts it (or queues it behind the file's operation under way), and
 * awaits the future. */
static int op_launch(lua_State *L, lx_io *io, lx_loop *lp, io_op *op, io_file *f) {
  op->fut = fut_new(lp->loop, LS_FK_FUTURE);
  if (!op->fut) {
    op_free(op);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  op->next = io->ops;
  if (io->ops) io->ops->prev = op;
  io->ops = op;
  if (op->kind == OP_OPEN)
    lx_io_note(lp, op->fut, op->line, "aiofiles: open '%s' (%s)", op->path, op->data);
  else if (op->kind == OP_WRITE)
    lx_io_note(lp, op->fut, op->line, "aiofiles: write %zu bytes to '%s'", op->len, f->name);
  else
    lx_io_note(lp, op->fut, op->line, "aiofiles: %s '%s'", op_names[op->kind], f->name);
  if (f) {
    op->file = f;
    f->refs++;
    if (f->busy) {
      if (f->qtail)
        f->qtail->fnext = op;
      else
        f->qhead = op;
      f->qtail = op;
    } else {
      f->busy = 1;
      op_start(io, op);
    }
  } else {
    op_start(io, op);
  }
  return lx_io_await(L, lp, op->fut);
}

/* Python's open() modes: one of r w a x, then any of b t +. */
/* Python's open() mode rules and messages; NULL when the mode is good. */
static const char *parse_mode(const char *m, int *flags) {
  int r = 0, w = 0, a = 0, x = 0, plus = 0, b = 0, t = 0;
  for (const char *p = m; *p; p++) {
    int *seen = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &a : *p == 'x' ? &x
                : *p == '+' ? &plus : *p == 'b' ? &b : *p == 't' ? &t : NULL;
    if (!seen || (*seen)++) return "invalid mode: '%s'";
  }
  if (b && t) return "can't have text and binary mode at once";
  if (r + w + a + x > 1) return "must have exactly one of create/read/write/append mode";
  if (r + w + a + x == 0)
    return "Must have exactly one of create/read/write/append mode and at most one plus";
  int acc = plus ? O_RDWR : r ? O_RDONLY : O_WRONLY;
  *flags = acc | (w ? O_CREAT | O_TRUNC : a ? O_CREAT | O_APPEND : x ? O_CREAT | O_EXCL : 0);
  return NULL;
}

/* Checks a lesson's path on the loop's thread; raises for what no worker need try. */
static const char *check_path(lua_State *L, int idx, const char *what) {
  if (lua_type(L, idx) != LUA_TSTRING)
    lx_raise(L, "TypeError", "%s: the path must be a string, not %s", what,
             luaL_typename(L, idx));
  size_t n;
  const char *path = lua_tolstring(L, idx, &n);
  if (strlen(path) != n) lx_raise(L, "ValueError", "embedded null byte");
  const char *why = path[0] ? path_refusal(path) : NULL;
  if (!path[0] || why) {
    push_oserror(L, why ? EACCES : ENOENT, why, path);
    lua_error(L);
  }
  return path;
}

/* aiofiles.open(path [, mode [, {encoding = "utf-8"}]]) */
static int open_body(lua_State *L) {
  lx_loop *lp = lx_running(L, "aiofiles.open");
  lx_io *io = get_io(L);
  const char *path = check_path(L, 1, "aiofiles.open");
  if (!lua_isnoneornil(L, 2) && lua_type(L, 2) != LUA_TSTRING)
    return lx_raise(L, "TypeError", "aiofiles.open: the mode must be a string like 'r' or 'w'");
  const char *mode = lua_isnoneornil(L, 2) ? "r" : lua_tostring(L, 2);
  int flags;
  const char *bad = strlen(mode) > 7 ? "invalid mode: '%s'" : parse_mode(mode, &flags);
  if (bad) return lx_raise(L, "ValueError", bad, mode);
  if (lua_type(L, 3) == LUA_TTABLE && lua_getfield(L, 3, "encoding") != LUA_TNIL) {
    const char *enc = lua_tostring(L, -1);
    char low[16] = "";
    for (size_t i = 0; enc && enc[i] && i + 1 < sizeof low; i++)
      low[i] = (char)(enc[i] >= 'A' && enc[i] <= 'Z' ? enc[i] + 32 : enc[i]);
    if (strcmp(low, "utf-8") && strcmp(low, "utf8") && strcmp(low, "ascii"))
      return lx_raise(L, "ValueError", "unknown encoding: %s (files here are UTF-8)",
                      enc ? enc : "?");
    lua_pop(L, 1);
  }
  const char *root = ensure_root(L, io);
  io_op *op = op_new(L, io, lp, OP_OPEN);
  op->root = root;
  op->flags = flags;
  op->path = lx_strdup(path);
  op->data = lx_strdup(mode);
  if (!op->path || !op->data) {
    op_free(op);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  return op_launch(L, io, lp, op, NULL);
}

static io_file *check_open(lua_State *L, int need_read, int need_write) {
  io_file *f = check_file(L, 1);
  if (f->closed) lx_raise(L, "ValueError", "I/O operation on closed file.");
  if (need_read && !f->readable) lx_raise(L, "UnsupportedOperation", "not readable");
  if (need_write && !f->writable) lx_raise(L, "UnsupportedOperation", "not writable");
  return f;
}

/* f:read([n]): the rest of the file, or up to n bytes. */
static int read_body(lua_State *L) {
  lx_loop *lp = lx_running(L, "read");
  io_file *f = check_open(L, 1, 0);
  lua_Integer want = -1;
  if (!lua_isnoneornil(L, 2)) {
    if (!lua_isinteger(L, 2))
      return lx_raise(L, "TypeError", "read(): the size must be an integer, not %s",
                      luaL_typename(L, 2));
    want = lua_tointeger(L, 2);
    if (want < 0) want = -1;
    if (want > (lua_Integer)IO_MAX_READ) want = (lua_Integer)IO_MAX_READ;
  }
  io_op *op = op_new(L, get_io(L), lp, OP_READ);
  op->want = want;
  return op_launch(L, get_io(L), lp, op, f);
}

/* f:write(s): the number of bytes written. */
static int write_body(lua_State *L) {
  lx_loop *lp = lx_running(L, "write");
  io_file *f = check_open(L, 0, 1);
  if (lua_type(L, 2) != LUA_TSTRING)
    return lx_raise(L, "TypeError", "write() argument must be str, not %s",
                    lx_py_typename(L, 2));
  size_t n;
  const char *s = lua_tolstring(L, 2, &n);
  io_op *op = op_new(L, get_io(L), lp, OP_WRITE);
  op->data = malloc(n ? n : 1);
  if (!op->data) {
    op_free(op);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  memcpy(op->data, s, n);
  op->len = n;
  return op_launch(L, get_io(L), lp, op, f);
}

/* f:close(): closing a closed file does nothing, as in Python. */
static int close_body(lua_State *L) {
  lx_loop *lp = lx_running(L, "close");
  io_file *f = check_file(L, 1);
  if (f->closed) {
    lua_pushnil(L);
    return 1;
  }
  io_op *op = op_new(L, get_io(L), lp, OP_CLOSE);
  f->closed = 1;
  return op_launch(L, get_io(L), lp, op, f);
}

/* ---- os.makedirs and os.path.join, for saving files in folders of the sandbox ---- */

/* os.makedirs(path [, {exist_ok = true}]): blocking, as in Python; inside the sandbox. */
static int l_makedirs(lua_State *L) {
  lx_io *io = get_io(L);
  const char *path = check_path(L, 1, "os.makedirs");
  int exist_ok = lua_type(L, 2) == LUA_TTABLE
                     ? (lua_getfield(L, 2, "exist_ok"), lua_toboolean(L, -1))
                     : lua_toboolean(L, 2);
  const char *root = ensure_root(L, io);
  int dfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    push_oserror(L, errno, NULL, path);
    return lua_error(L);
  }
  char comp[NAME_MAX + 1];
  int created = 0, err = 0;
  const char *why = NULL;
  for (const char *p = path; *p && !err;) {
    const char *e = strchr(p, '/');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n > NAME_MAX) {
      err = ENAMETOOLONG;
      break;
    }
    memcpy(comp, p, n);
    comp[n] = '\0';
    p = e ? e + 1 : p + n;
    if (n == 0 || !strcmp(comp, ".")) continue;
    created = mkdirat(dfd, comp, 0777) == 0;
    if (!created && errno != EEXIST) {
      err = errno;
      break;
    }
    int nfd = openat(dfd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (nfd < 0) {
      struct stat st;
      if (fstatat(dfd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        err = EACCES;
        why = WHY_LINK;
      } else {
        err = errno == ENOTDIR ? EEXIST : errno;
      }
      break;
    }
    close(dfd);
    dfd = nfd;
  }
  close(dfd);
  if (!err && !created && !exist_ok) err = EEXIST;
  if (err) {
    push_oserror(L, err, why, path);
    return lua_error(L);
  }
  return 0;
}

/* os.path.join(a, b, ...): as posixpath.join. */
static int l_path_join(lua_State *L) {
  int n = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t len = 0;
  char last = 0;
  for (int i = 1; i <= n; i++) {
    if (lua_type(L, i) != LUA_TSTRING)
      return lx_raise(L, "TypeError", "os.path.join: arguments must be strings, not %s",
                      luaL_typename(L, i));
  }
  for (int i = 1; i <= n; i++) {
    size_t k;
    const char *s = lua_tolstring(L, i, &k);
    if (s[0] == '/') { /* an absolute part starts over */
      luaL_pushresult(&b);
      lua_pop(L, 1);
      luaL_buffinit(L, &b);
      len = 0;
    } else if (len && last != '/') {
      luaL_addchar(&b, '/');
    }
    luaL_addlstring(&b, s, k);
    len += k;
    if (k) last = s[k - 1];
  }
  luaL_pushresult(&b);
  return 1;
}

/* ---- the loop's idle hook ---- */

/* Whether a task of loop `serial` still waits for an operation (a cancelled one, still
 * running on a worker, keeps nobody waiting). */
static int ops_for(lx_io *io, uint32_t serial) {
  lx_loop *lp = lx_io_loop(io->rt, serial);
  if (!lp) return 0;
  for (io_op *op = io->ops; op; op = op->next)
    if (op->loop == serial && fut_state(lp->loop, op->fut) == LS_FUT_PENDING) return 1;
  return lx_http_busy(io, serial);
}

/* Takes whatever finished: file operations from the pool, transfers from curl. */
static int deliver_all(lx_io *io) {
  int n = 0;
  if (io->pool) {
    lx_job *j = lx_pool_take(io->pool);
    while (j) {
      lx_job *next = j->next;
      op_finish(io, (io_op *)j);
      j = next;
      n++;
    }
  }
  if (io->http) n += lx_http_deliver(io);
  return n;
}

/* On the real clock, the loop waits here instead of sleeping: until a worker or a socket has
 * something, or the deadline (loop time; -1: none, now: only look). On the virtual clock
 * completions arrive through timers, so there is never anything to wait for here. */
int lx_io_idle(ls_loop *l, void *host, ls_time deadline) {
  lx_loop *lp = host;
  lx_rt *rt = lp->rt;
  lx_io *io = rt->io;
  if (rt->clock.mode != LS_CLOCK_REAL) return 0;
  ls_time now = loop_time(l);
  if (!io || (!io->ops && !lx_http_busy(io, 0))) {
    if (deadline > now) clock_wait_until(&rt->clock, clock_now(&rt->clock) + (deadline - now));
    return 0;
  }
  int mine = ops_for(io, lp->serial);
  ls_time wait = deadline < 0 ? (mine ? LS_SEC : 0) : deadline > now ? deadline - now : 0;
  int64_t ms = (wait + 999999) / 1000000; /* round up, as asyncio's selector does */
  if (ms > 3600000) ms = 3600000;
  int pfd = io->pool ? lx_pool_fd(io->pool) : -1;
  if (lx_http_busy(io, 0)) {
    lx_http_wait(io, pfd, (int)ms);
  } else if (pfd >= 0) {
    struct pollfd p = {pfd, POLLIN, 0};
    poll(&p, 1, (int)ms);
  }
  int n = deliver_all(io);
  if (deadline >= 0) return 1;
  return n > 0 || ops_for(io, lp->serial);
}

/* ---- the runtime's I/O state and the modules ---- */

typedef struct io_box {
  lx_io *io;
} io_box;

/* At lua_close: workers stop, unfinished operations are let go, the per-run folder goes. */
static int iostate_gc(lua_State *L) {
  io_box *b = lua_touserdata(L, 1);
  lx_io *io = b->io;
  if (!io) return 0;
  b->io = NULL;
  if (io->rt->io == io) io->rt->io = NULL;
  lx_http_free(io);
  lx_pool_free(io->pool); /* joins: no worker touches an operation after this */
  while (io->ops) {
    io_op *op = io->ops;
    op_unlink(io, op);
    if (op->kind == OP_CLOSE && op->job.done && op->file) op->file->fd = -1;
    op_free(op);
  }
  if (io->root_owned && io->root) remove_tree(AT_FDCWD, io->root, 0);
  free(io->root);
  free(io);
  return 0;
}

void lx_open_io(lua_State *L, int env) {
  env = lua_absindex(L, env);
  lx_rt *rt = lx_get(L);
  io_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->io = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, iostate_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, LX_IOSTATE);
  lx_io *io = calloc(1, sizeof *io);
  if (!io) luaL_error(L, "out of memory");
  io->rt = rt;
  b->io = io;
  rt->io = io;

  lua_getfield(L, env, "await");
  lua_setfield(L, LUA_REGISTRYINDEX, AWAIT_KEY);

  luaL_newmetatable(L, LX_IOFILE);
  lua_createtable(L, 0, 3);
  lx_io_push_async(L, env, "read", read_body);
  lua_setfield(L, -2, "read");
  lx_io_push_async(L, env, "write", write_body);
  lua_setfield(L, -2, "write");
  lx_io_push_async(L, env, "close", close_body);
  lua_setfield(L, -2, "close");
  lua_pushcclosure(L, file_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, file_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, file_close_now);
  lua_setfield(L, -2, "__close");
  lua_pushcfunction(L, file_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "aiofile");
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  lua_createtable(L, 0, 2);
  lx_io_push_async(L, env, "open", open_body);
  lua_setfield(L, -2, "open");
  /* io.UnsupportedOperation in Python: an OSError that is no builtin */
  lua_getfield(L, env, "OSError");
  lua_getfield(L, -1, "extend");
  lua_insert(L, -2);
  lua_pushliteral(L, "UnsupportedOperation");
  lua_call(L, 2, 1);
  lua_setfield(L, -2, "UnsupportedOperation");
  lua_setfield(L, env, "aiofiles");

  if (lua_getfield(L, env, "os") == LUA_TTABLE) {
    lua_pushcfunction(L, l_makedirs);
    lua_setfield(L, -2, "makedirs");
    if (lua_getfield(L, -1, "path") != LUA_TTABLE) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_setfield(L, -3, "path");
    }
    lua_pushcfunction(L, l_path_join);
    lua_setfield(L, -2, "join");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);

  lx_http_open(L, env);
}

/* lx_http.c -- aiohttp: ClientSession, session:get(url), the response's status and text().
 * On the virtual clock the answer comes from the lesson's web table after its latency, so
 * runs repeat exactly; on the real clock libcurl's multi interface makes real GETs over
 * non-blocking sockets, driven by the loop's idle hook (lx_io.c), which waits on curl's
 * sockets, the file workers and the next timer together. libcurl is dlopened by the first real
 * GET, not linked: mapping it and its TLS and Kerberos libraries cost every run ~4 ms. */
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx_io.h"

#define LX_SESSION "loopscope.aiohttp.session"
#define LX_RESP "loopscope.aiohttp.response"
#define HTTP_MAX_BODY ((size_t)64 << 20)
#define WEB_LATENCY 0.1 /* seconds, for a web entry that gives none */

/* ---- real transfers ---- */

typedef struct xfer {
  struct xfer *prev, *next;
  CURL *easy;
  uint32_t loop;
  ls_id fut;
  char *url;
  char *buf;
  size_t n, cap;
  int toobig;
  CURLcode rc;
  long status;
  char err[CURL_ERROR_SIZE];
} xfer;

struct lx_http {
  CURLM *multi;
  xfer *xfers;
};

/* ---- libcurl, loaded on first use; <curl/curl.h> gives only the types and constants ---- */

#define CURL_LIB "libcurl.so.4"

typedef struct curl_api { /* each field is the function curl_<field> */
  CURLcode (*global_init)(long flags);
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *e, CURLoption opt, ...);
  CURLcode (*easy_getinfo)(CURL *e, CURLINFO info, ...);
  void (*easy_cleanup)(CURL *e);
  const char *(*easy_strerror)(CURLcode rc);
  CURLM *(*multi_init)(void);
  CURLMcode (*multi_add_handle)(CURLM *m, CURL *e);
  CURLMcode (*multi_remove_handle)(CURLM *m, CURL *e);
  CURLMcode (*multi_perform)(CURLM *m, int *running);
  CURLMsg *(*multi_info_read)(CURLM *m, int *left);
  CURLMcode (*multi_poll)(CURLM *m, struct curl_waitfd fds[], unsigned int n, int ms, int *ret);
  CURLMcode (*multi_cleanup)(CURLM *m);
} curl_api;

#define CURL_SYM(f) {"curl_" #f, offsetof(curl_api, f)}
static const struct {
  const char *name;
  size_t off;
} curl_syms[] = {
    CURL_SYM(global_init),   CURL_SYM(easy_init),        CURL_SYM(easy_setopt),
    CURL_SYM(easy_getinfo),  CURL_SYM(easy_cleanup),     CURL_SYM(easy_strerror),
    CURL_SYM(multi_init),    CURL_SYM(multi_add_handle), CURL_SYM(multi_remove_handle),
    CURL_SYM(multi_perform), CURL_SYM(multi_info_read),  CURL_SYM(multi_poll),
    CURL_SYM(multi_cleanup),
};

static curl_api cu; /* filled once by curl_init; read-only afterwards */
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static char curl_err[512]; /* why libcurl is unusable; "" when it started */

static void curl_init(void) {
  void *lib = dlopen(CURL_LIB, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *e = dlerror();
    snprintf(curl_err, sizeof curl_err, "aiohttp on the real clock needs %s: %s", CURL_LIB,
             e ? e : "cannot load it");
    return;
  }
  for (size_t i = 0; i < sizeof curl_syms / sizeof curl_syms[0]; i++) {
    void *p = dlsym(lib, curl_syms[i].name);
    if (!p) {
      const char *e = dlerror();
      snprintf(curl_err, sizeof curl_err, "aiohttp: %s lacks %s: %s", CURL_LIB,
               curl_syms[i].name, e ? e : "not found");
      dlclose(lib);
      return;
    }
    /* POSIX guarantees a data pointer from dlsym holds a function's address */
    memcpy((char *)&cu + curl_syms[i].off, &p, sizeof p);
  }
  CURLcode rc = cu.global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK)
    snprintf(curl_err, sizeof curl_err, "aiohttp: libcurl could not start: %s",
             cu.easy_strerror(rc));
}

static size_t on_data(char *p, size_t size, size_t nmemb, void *ud) {
  xfer *x = ud;
  size_t n = size * nmemb;
  if (x->n + n > HTTP_MAX_BODY) {
    x->toobig = 1;
    return 0; /* curl stops the transfer with CURLE_WRITE_ERROR */
  }
  if (x->n + n > x->cap) {
    size_t cap = x->cap ? x->cap : 16384;
    while (cap < x->n + n)
      cap *= 2;
    char *nb = realloc(x->buf, cap);
    if (!nb) return 0;
    x->buf = nb;
    x->cap = cap;
  }
  memcpy(x->buf + x->n, p, n);
  x->n += n;
  return n;
}

static void xfer_free(xfer *x) {
  if (x->easy) cu.easy_cleanup(x->easy);
  free(x->url);
  free(x->buf);
  free(x);
}

static void xfer_unlink(lx_http *h, xfer *x) {
  if (x->prev)
    x->prev->next = x->next;
  else if (h->xfers == x)
    h->xfers = x->next;
  if (x->next) x->next->prev = x->prev;
  x->prev = x->next = NULL;
}

int lx_http_busy(lx_io *io, uint32_t serial) {
  if (!io->http) return 0;
  if (!serial) return io->http->xfers != NULL;
  lx_loop *lp = lx_io_loop(io->rt, serial);
  for (xfer *x = io->http->xfers; lp && x; x = x->next)
    if (x->loop == serial && fut_state(lp->loop, x->fut) == LS_FUT_PENDING) return 1;
  return 0;
}

void lx_http_wait(lx_io *io, int extra_fd, int ms) {
  struct curl_waitfd w = {extra_fd, CURL_WAIT_POLLIN, 0};
  cu.multi_poll(io->http->multi, extra_fd >= 0 ? &w : NULL, extra_fd >= 0 ? 1 : 0, ms, NULL);
}

void lx_http_free(lx_io *io) {
  lx_http *h = io->http;
  if (!h) return;
  while (h->xfers) {
    xfer *x = h->xfers;
    xfer_unlink(h, x);
    cu.multi_remove_handle(h->multi, x->easy);
    xfer_free(x);
  }
  cu.multi_cleanup(h->multi);
  free(h);
  io->http = NULL;
}

/* ---- the response ---- */

typedef struct resp {
  int status;
  lua_Integer size; /* a web entry's size, when it gave no body */
} resp;

/* The reason phrases of Python's http.HTTPStatus, which aiohttp's server sends. */
static const char *reason(int status) {
  static const struct {
    int code;
    const char *text;
  } reasons[] = {
      {100, "Continue"},
      {101, "Switching Protocols"},
      {102, "Processing"},
      {103, "Early Hints"},
      {200, "OK"},
      {201, "Created"},
      {202, "Accepted"},
      {203, "Non-Authoritative Information"},
      {204, "No Content"},
      {205, "Reset Content"},
      {206, "Partial Content"},
      {207, "Multi-Status"},
      {208, "Already Reported"},
      {226, "IM Used"},
      {300, "Multiple Choices"},
      {301, "Moved Permanently"},
      {302, "Found"},
      {303, "See Other"},
      {304, "Not Modified"},
      {305, "Use Proxy"},
      {307, "Temporary Redirect"},
      {308, "Permanent Redirect"},
      {400, "Bad Request"},
      {401, "Unauthorized"},
      {402, "Payment Required"},
      {403, "Forbidden"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {406, "Not Acceptable"},
      {407, "Proxy Authentication Required"},
      {408, "Request Timeout"},
      {409, "Conflict"},
      {410, "Gone"},
      {411, "Length Required"},
      {412, "Precondition Failed"},
      {413, "Request Entity Too Large"},
      {414, "Request-URI Too Long"},
      {415, "Unsupported Media Type"},
      {416, "Requested Range Not Satisfiable"},
      {417, "Expectation Failed"},
      {418, "I'm a Teapot"},
      {421, "Misdirected Request"},
      {422, "Unprocessable Entity"},
      {423, "Locked"},
      {424, "Failed Dependency"},
      {425, "Too Early"},
      {426, "Upgrade Required"},
      {428, "Precondition Required"},
      {429, "Too Many Requests"},
      {431, "Request Header Fields Too Large"},
      {451, "Unavailable For Legal Reasons"},
      {500, "Internal Server Error"},
      {501, "Not Implemented"},
      {502, "Bad Gateway"},
      {503, "Service Unavailable"},
      {504, "Gateway Timeout"},
      {505, "HTTP Version Not Supported"},
      {506, "Variant Also Negotiates"},
      {507, "Insufficient Storage"},
      {508, "Loop Detected"},
      {510, "Not Extended"},
      {511, "Network Authentication Required"},
  };
  for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
    if (reasons[i].code == status) return reasons[i].text;
  return "";
}

/* Pushes a response: user values 1 the URL, 2 the body (nil: made from size on demand). */
static resp *push_resp(lua_State *L, int status, const char *url, int body_idx,
                       lua_Integer size) {
  body_idx = body_idx ? lua_absindex(L, body_idx) : 0;
  resp *r = lua_newuserdatauv(L, sizeof *r, 2);
  r->status = status;
  r->size = size;
  luaL_setmetatable(L, LX_RESP);
  lua_pushstring(L, url);
  lua_setiuservalue(L, -2, 1);
  if (body_idx) {
    lua_pushvalue(L, body_idx);
    lua_setiuservalue(L, -2, 2);
  }
  return r;
}

static resp *check_resp(lua_State *L, int idx) {
  resp *r = luaL_testudata(L, idx, LX_RESP);
  if (!r)
    lx_raise(L, "TypeError", "a response was expected (call it as resp:text(), with a colon)");
  return r;
}

/* A stand-in page of exactly n bytes for a web entry that gives only a size: the same URL
 * and size always give the same text. */
static void push_page(lua_State *L, const char *url, size_t n) {
  char head[512], line[400];
  int hn =
      snprintf(head, sizeof head,
               "<!DOCTYPE html>\n<html>\n<head><title>%.300s</title></head>\n<body>\n", url);
  if (hn < 0 || hn >= (int)sizeof head) hn = (int)strlen(head);
  static const char foot[] = "</body>\n</html>\n";
  size_t fn = sizeof foot - 1;
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, n);
  size_t k = 0;
  if (n < (size_t)hn + fn) {
    for (; k < n && k < (size_t)hn; k++)
      p[k] = head[k];
    for (size_t i = 0; k < n; k++, i++)
      p[k] = foot[i];
  } else {
    memcpy(p, head, (size_t)hn);
    k = (size_t)hn;
    size_t end = n - fn;
    for (long i = 1; k < end; i++) {
      int ln =
          snprintf(line, sizeof line,
                   "<p>%06ld: a stand-in page for %.300s, made by Loopscope.</p>\n", i, url);
      if (ln < 0 || ln >= (int)sizeof line) ln = (int)strlen(line);
      if ((size_t)ln > end - k) { /* the last line: blanks, so no line is cut in half */
        memset(p + k, ' ', end - k - 1);
        p[end - 1] = '\n';
        k = end;
        break;
      }
      memcpy(p + k, line, (size_t)ln);
      k += (size_t)ln;
    }
    memcpy(p + k, foot, fn);
  }
  luaL_pushresultsize(&b, n);
}

/* await(resp:text()): the body; it is already here, so nothing is waited for. */
static int text_body(lua_State *L) {
  resp *r = check_resp(L, 1);
  if (lua_getiuservalue(L, 1, 2) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  lua_getiuservalue(L, 1, 1);
  push_page(L, lua_tostring(L, -1), (size_t)r->size);
  lua_pushvalue(L, -1);
  lua_setiuservalue(L, 1, 2);
  return 1;
}

static int resp_release(lua_State *L) {
  check_resp(L, 1);
  return 0;
}

static int resp_index(lua_State *L) {
  resp *r = check_resp(L, 1);
  const char *k = lua_tostring(L, 2);
  if (k && !strcmp(k, "status")) {
    lua_pushinteger(L, r->status);
  } else if (k && !strcmp(k, "reason")) {
    lua_pushstring(L, reason(r->status));
  } else if (k && !strcmp(k, "url")) {
    lua_getiuservalue(L, 1, 1);
  } else if (k && !strcmp(k, "ok")) {
    lua_pushboolean(L, r->status < 400);
  } else {
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
  }
  return 1;
}

static int resp_tostring(lua_State *L) {
  resp *r = check_resp(L, 1);
  lua_getiuservalue(L, 1, 1);
  lua_pushfstring(L, "<ClientResponse(%s) [%d %s]>", lua_tostring(L, -1), r->status,
                  reason(r->status));
  return 1;
}

/* ---- the session ---- */

typedef struct session {
  int closed;
} session;

static session *check_session(lua_State *L, int idx) {
  session *s = luaL_testudata(L, idx, LX_SESSION);
  if (!s)
    lx_raise(L, "TypeError",
             "a ClientSession was expected (call it as session:get(url), with a colon)");
  return s;
}

static int l_client_session(lua_State *L) {
  session *s = lua_newuserdatauv(L, sizeof *s, 0);
  s->closed = 0;
  luaL_setmetatable(L, LX_SESSION);
  return 1;
}

/* session:close(): done at once; returns a finished future, so it may be awaited or not. */
static int session_close(lua_State *L) {
  session *s = check_session(L, 1);
  s->closed = 1;
  lx_loop *lp = lx_get(L)->running;
  if (!lp) return 0;
  ls_id f = fut_new(lp->loop, LS_FK_FUTURE);
  if (!f) return lx_raise(L, "MemoryError", "out of memory");
  fut_resolve(lp->loop, f, LS_OUT_RESULT, 0);
  lx_push_handle(L, lp, f);
  return 1;
}

static int session_close_var(lua_State *L) { /* local s <close> = aiohttp.ClientSession() */
  session *s = luaL_testudata(L, 1, LX_SESSION);
  if (s) s->closed = 1;
  return 0;
}

static int session_index(lua_State *L) {
  session *s = check_session(L, 1);
  const char *k = lua_tostring(L, 2);
  if (k && !strcmp(k, "closed")) {
    lua_pushboolean(L, s->closed);
  } else {
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
  }
  return 1;
}

static int session_tostring(lua_State *L) {
  session *s = check_session(L, 1);
  lua_pushfstring(L, "<aiohttp.ClientSession%s>", s->closed ? " closed" : "");
  return 1;
}

/* "host:port" of a URL, for aiohttp's "Cannot connect to host ..." message. */
static void host_port(const char *url, char *out, size_t len) {
  const char *p = strstr(url, "://");
  int https = !strncmp(url, "https:", 6);
  p = p ? p + 3 : url;
  size_t n = strcspn(p, "/?#");
  const char *at = memchr(p, '@', n);
  if (at) {
    n -= (size_t)(at + 1 - p);
    p = at + 1;
  }
  int has_port = memchr(p, ':', n) != NULL;
  snprintf(out, len, "%.*s%s", (int)(n > 200 ? 200 : n), p,
           has_port ? ""
           : https  ? ":443"
                    : ":80");
}

/* Resolves a virtual request when its latency has passed. arg: the future, and the trace
 * text's id in the high half. */
static void web_done(ls_loop *l, void *ud, uint64_t arg, ls_id fut) {
  (void)ud, (void)fut;
  ls_id f = (ls_id)(arg & 0xffffffffu);
  if (fut_state(l, f) == LS_FUT_PENDING) fut_resolve(l, f, LS_OUT_RESULT, (int64_t)(arg >> 32));
}

static double web_number(lua_State *L, int entry, const char *field, const char *url,
                         double def) {
  int t = lua_getfield(L, entry, field);
  double v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  if (t == LUA_TNIL) return def;
  if (t != LUA_TNUMBER || !(v >= 0) || v > 1e12)
    lx_raise(L, "ValueError", "lesson{web}: '%s' of %s must be a number >= 0", field, url);
  return v;
}

/* The virtual clock: the lesson's web table answers after the entry's latency. */
static int web_get(lua_State *L, lx_loop *lp, const char *url) {
  if (lx_io_lesson_field(L, "web") == LUA_TTABLE) {
    lua_pushstring(L, url);
    lua_rawget(L, -2);
  } else {
    lua_pushnil(L);
  }
  int entry = lua_gettop(L);
  if (lua_isnil(L, entry)) {
    char hp[256];
    host_port(url, hp, sizeof hp);
    return lx_raise(L, "ConnectionError",
                    "Cannot connect to host %s ssl:default [not in the lesson's web table: %s]",
                    hp, url);
  }
  double latency = WEB_LATENCY;
  int status = 200;
  lua_Integer size = 0;
  int body = 0;
  if (lua_type(L, entry) == LUA_TSTRING) {
    body = entry;
  } else if (lua_type(L, entry) == LUA_TTABLE) {
    latency = web_number(L, entry, "latency", url, WEB_LATENCY);
    status = (int)web_number(L, entry, "status", url, 200);
    if (status < 100 || status > 999)
      return lx_raise(L, "ValueError", "lesson{web}: 'status' of %s must be 100..999", url);
    int t = lua_getfield(L, entry, "body");
    if (t == LUA_TSTRING) {
      body = lua_gettop(L);
    } else if (t != LUA_TNIL) {
      return lx_raise(L, "ValueError", "lesson{web}: 'body' of %s must be a string", url);
    } else {
      double n = web_number(L, entry, "size", url, 0);
      if (n > 256e6)
        return lx_raise(L, "ValueError", "lesson{web}: 'size' of %s is over 256 MB", url);
      size = (lua_Integer)n;
    }
  } else {
    return lx_raise(L, "ValueError",
                    "lesson{web}: the entry for %s must be a table {latency=, body= or size=}",
                    url);
  }
  ls_id fut = fut_new(lp->loop, LS_FK_FUTURE);
  if (!fut) return lx_raise(L, "MemoryError", "out of memory");
  push_resp(L, status, url, body, size);
  lx_set_value(L, lp, fut, -1);
  int32_t line = lx_callerline(L);
  lx_io_note(lp, fut, line, "aiohttp: GET %s", url);
  lua_pushfstring(L, "%d %s %s", status, reason(status), url);
  size_t tn;
  const char *ts = lua_tolstring(L, -1, &tn);
  int64_t text = trace_intern(lp->trace, ts, tn > 200 ? 200 : tn);
  static const char label[] = "aiohttp: response";
  if (!loop_call_later(lp->loop, LS_FROM_SEC(latency), web_done, lp,
                       ((uint64_t)text << 32) | fut,
                       trace_intern(lp->trace, label, sizeof label - 1), line))
    return lx_raise(L, "MemoryError", "out of memory");
  return lx_io_await(L, lp, fut);
}

/* What a finished real transfer gives the awaiting task (run protected). */
static int xfer_build(lua_State *L) {
  xfer *x = lua_touserdata(L, 1);
  if (x->toobig)
    return lx_raise(L, "ConnectionError", "the response from %s is larger than %d MiB", x->url,
                    (int)(HTTP_MAX_BODY >> 20));
  if (x->rc != CURLE_OK) {
    const char *msg = x->err[0] ? x->err : cu.easy_strerror(x->rc);
    if (x->rc == CURLE_OPERATION_TIMEDOUT)
      return lx_raise(L, "TimeoutError", "GET %s: %s", x->url, msg);
    char hp[256];
    host_port(x->url, hp, sizeof hp);
    return lx_raise(L, "ConnectionError", "Cannot connect to host %s ssl:default [%s]", hp,
                    msg);
  }
  lua_pushlstring(L, x->buf ? x->buf : "", x->n);
  push_resp(L, (int)x->status, x->url, -1, 0);
  lua_pushfstring(L, "%d %s %s", (int)x->status, reason((int)x->status), x->url);
  return 2;
}

int lx_http_deliver(lx_io *io) {
  lx_http *h = io->http;
  if (!h) return 0;
  /* a transfer nobody waits for any more (cancelled, or its loop is gone) is dropped, as
     aiohttp closes the connection of a cancelled request */
  for (xfer *x = h->xfers, *next; x; x = next) {
    next = x->next;
    lx_loop *lp = lx_io_loop(io->rt, x->loop);
    if (lp && fut_state(lp->loop, x->fut) == LS_FUT_PENDING) continue;
    cu.multi_remove_handle(h->multi, x->easy);
    xfer_unlink(h, x);
    xfer_free(x);
  }
  int running, left, n = 0;
  cu.multi_perform(h->multi, &running);
  CURLMsg *m;
  while ((m = cu.multi_info_read(h->multi, &left)) != NULL) {
    if (m->msg != CURLMSG_DONE) continue;
    CURL *easy = m->easy_handle;
    CURLcode rc = m->data.result; /* read before remove_handle frees the message */
    char *priv = NULL;
    cu.easy_getinfo(easy, CURLINFO_PRIVATE, &priv);
    xfer *x = (xfer *)priv;
    x->rc = rc;
    cu.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &x->status);
    cu.multi_remove_handle(h->multi, easy);
    xfer_unlink(h, x);
    lx_loop *lp = lx_io_loop(io->rt, x->loop);
    if (lp) lx_io_deliver(lp, x->fut, xfer_build, x);
    xfer_free(x);
    n++;
  }
  return n;
}

/* The real clock: a GET on a non-blocking socket that the loop's idle hook drives. */
static int real_get(lua_State *L, lx_loop *lp, const char *url) {
  lx_io *io = lx_get(L)->io;
  pthread_once(&curl_once, curl_init);
  if (curl_err[0]) return lx_raise(L, "OSError", "%s", curl_err);
  if (!io->http) {
    lx_http *h = calloc(1, sizeof *h);
    if (!h || !(h->multi = cu.multi_init())) {
      free(h);
      return lx_raise(L, "MemoryError", "out of memory");
    }
    io->http = h;
  }
  xfer *x = calloc(1, sizeof *x);
  if (x) x->url = malloc(strlen(url) + 1);
  if (x && x->url) {
    strcpy(x->url, url);
    x->easy = cu.easy_init();
  }
  ls_id fut = x && x->easy ? fut_new(lp->loop, LS_FK_FUTURE) : 0;
  if (!fut) {
    if (x) xfer_free(x);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  CURL *e = x->easy;
  x->loop = lp->serial;
  x->fut = fut;
  cu.easy_setopt(e, CURLOPT_URL, x->url);
  cu.easy_setopt(e, CURLOPT_PRIVATE, (char *)x);
  cu.easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
  cu.easy_setopt(e, CURLOPT_WRITEDATA, x);
  cu.easy_setopt(e, CURLOPT_ERRORBUFFER, x->err);
  cu.easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  cu.easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L); /* aiohttp follows redirects too */
  cu.easy_setopt(e, CURLOPT_MAXREDIRS, 10L);
  cu.easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  cu.easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  cu.easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  cu.easy_setopt(e, CURLOPT_USERAGENT, "Loopscope (an asyncio tutor; aiohttp lesson)");
  cu.easy_setopt(e, CURLOPT_CONNECTTIMEOUT, 30L);
  cu.easy_setopt(e, CURLOPT_TIMEOUT, 300L); /* aiohttp's default total timeout */
  if (cu.multi_add_handle(io->http->multi, e) != CURLM_OK) {
    xfer_free(x);
    return lx_raise(L, "MemoryError", "out of memory");
  }
  x->next = io->http->xfers;
  if (x->next) x->next->prev = x;
  io->http->xfers = x;
  lx_io_note(lp, fut, lx_callerline(L), "aiohttp: GET %s", url);
  int running;
  cu.multi_perform(io->http->multi, &running); /* starts connecting; never blocks */
  return lx_io_await(L, lp, fut);
}

/* session:get(url) */
static int get_body(lua_State *L) {
  lx_loop *lp = lx_running(L, "session:get");
  session *s = check_session(L, 1);
  if (s->closed) return lx_raise(L, "RuntimeError", "Session is closed");
  if (lua_type(L, 2) != LUA_TSTRING)
    return lx_raise(L, "TypeError", "session:get: the URL must be a string, not %s",
                    luaL_typename(L, 2));
  const char *url = lua_tostring(L, 2);
  if (lx_get(L)->clock.mode == LS_CLOCK_REAL) return real_get(L, lp, url);
  return web_get(L, lp, url);
}

void lx_http_open(lua_State *L, int env) {
  env = lua_absindex(L, env);
  luaL_newmetatable(L, LX_RESP);
  lua_createtable(L, 0, 3);
  lx_io_push_async(L, env, "text", text_body);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "text");
  lua_setfield(L, -2, "read");
  lua_pushcfunction(L, resp_release);
  lua_setfield(L, -2, "release");
  lua_pushcclosure(L, resp_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, resp_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "ClientResponse");
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  luaL_newmetatable(L, LX_SESSION);
  lua_createtable(L, 0, 2);
  lx_io_push_async(L, env, "get", get_body);
  lua_setfield(L, -2, "get");
  lua_pushcfunction(L, session_close);
  lua_setfield(L, -2, "close");
  lua_pushcclosure(L, session_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, session_close_var);
  lua_setfield(L, -2, "__close");
  lua_pushcfunction(L, session_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushliteral(L, "ClientSession");
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, l_client_session);
  lua_setfield(L, -2, "ClientSession");
  lua_getfield(L, env, "ConnectionError");
  lua_setfield(L, -2, "ClientConnectorError");
  lua_getfield(L, env, "ConnectionError");
  lua_setfield(L, -2, "ClientConnectionError");
  lua_setfield(L, env, "aiohttp");
}

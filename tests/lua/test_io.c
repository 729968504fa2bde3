/* test_io.c -- async I/O through the runtime's C API: the sandbox's refusals, real files on
 * both clocks, and real HTTP against a small server on 127.0.0.1 that the test starts and
 * stops itself (nothing here contacts any other address). `test_io NAME` runs one test. */
#define _XOPEN_SOURCE 700 /* mkdtemp, setenv */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lx.h"
#include "lx_fixture.h"

/* Runs src with the runtime's defaults; says why when the lesson failed. */
static int run_src(const char *src, cap *c, char *msg, size_t msglen, lx_options *o,
                   lx_rt **keep) {
  int rc = fixture_run(src, c, msg, msglen, o, (lx_options){0}, keep);
  if (rc != LX_OK) fprintf(stderr, "lesson failed: %s\nstderr: %s\n", msg, c->err);
  return rc;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  static char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

static void write_text(const char *path, const char *s) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  fputs(s, f);
  fclose(f);
}

static int count_entries(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(d);
  return n;
}

static void remove_all(const char *path) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", path);
}

/* ---- the sandbox ---- */

/* Every way out is refused with a PermissionError that says why, and nothing outside the
 * sandbox is read, made or changed; links that stay inside work. */
static void t_sandbox_refusals(void) {
  char base[] = "/tmp/loopscope-io-XXXXXX";
  CHECK(mkdtemp(base) != NULL);
  char box[4200], outside[4200], p[4400];
  snprintf(box, sizeof box, "%s/box", base);
  snprintf(outside, sizeof outside, "%s/outside", base);
  CHECK(mkdir(box, 0777) == 0 && mkdir(outside, 0777) == 0);
  snprintf(p, sizeof p, "%s/secret.txt", outside);
  write_text(p, "secret");
  snprintf(p, sizeof p, "%s/real.txt", box);
  write_text(p, "inside");
  snprintf(p, sizeof p, "%s/out", box);
  CHECK(symlink("../outside", p) == 0);
  snprintf(p, sizeof p, "%s/dangling.txt", box);
  CHECK(symlink("../outside/new.txt", p) == 0);
  snprintf(p, sizeof p, "%s/etc", box);
  CHECK(symlink("/etc", p) == 0);
  snprintf(p, sizeof p, "%s/link.txt", box);
  CHECK(symlink("real.txt", p) == 0);

  static const char src[] =
      "local try = async(function(path, mode)\n"
      "  local ok, e = pcall(function() return await(aiofiles.open(path, mode)) end)\n"
      "  if ok then\n"
      "    local s = mode == 'r' and await(e:read()) or ''\n"
      "    await(e:close())\n"
      "    print(path .. ' opened ' .. s)\n"
      "  else\n"
      "    print(path .. ' ' .. e.type .. ': ' .. tostring(e))\n"
      "  end\n"
      "end)\n"
      "main = async(function()\n"
      "  await(try('../outside/secret.txt', 'r'))\n"
      "  await(try('/etc/passwd', 'r'))\n"
      "  await(try('out/secret.txt', 'r'))\n"
      "  await(try('out/secret.txt', 'w'))\n"
      "  await(try('out/new.txt', 'w'))\n"
      "  await(try('dangling.txt', 'w'))\n"
      "  await(try('etc/passwd', 'r'))\n"
      "  await(try('sub/../real.txt', 'r'))\n"
      "  await(try('link.txt', 'r'))\n"
      "  await(try('real.txt', 'r'))\n"
      "  await(try('new.txt', 'w'))\n"
      "  local ok, e = pcall(os.makedirs, 'out/made')\n"
      "  print('makedirs ' .. e.type)\n"
      "  ok, e = pcall(os.makedirs, '../made')\n"
      "  print('makedirs ' .. e.type)\n"
      "end)\n";
  lx_options o = {0};
  o.workdir = box;
  cap c;
  char m[4096];
  CHECK(run_src(src, &c, m, sizeof m, &o, NULL) == LX_OK);
  CHECK_CONTAINS(c.out, "../outside/secret.txt PermissionError: [Errno 13] Permission denied: "
                        "'../outside/secret.txt' (outside the lesson's sandbox folder: '..' is "
                        "not allowed)\n");
  CHECK_CONTAINS(c.out, "/etc/passwd PermissionError: [Errno 13] Permission denied: "
                        "'/etc/passwd' (outside the lesson's sandbox folder");
  CHECK_CONTAINS(c.out, "\nout/secret.txt PermissionError: [Errno 13] Permission denied: "
                        "'out/secret.txt' (a symlink leading out of the lesson's sandbox "
                        "folder)\nout/secret.txt PermissionError");
  CHECK_CONTAINS(c.out, "\nout/new.txt PermissionError: ");
  CHECK_CONTAINS(c.out, "\ndangling.txt PermissionError: ");
  CHECK_CONTAINS(c.out, "\netc/passwd PermissionError: ");
  CHECK_CONTAINS(c.out, "\nsub/../real.txt PermissionError: ");
  CHECK_CONTAINS(c.out, "\nlink.txt opened inside\nreal.txt opened inside\nnew.txt opened \n");
  CHECK_CONTAINS(c.out, "makedirs PermissionError\nmakedirs PermissionError\n");
  CHECK(strstr(c.out, "secret\n") == NULL && strstr(c.out, "root:") == NULL);
  /* nothing outside changed: the secret is intact and no file was made there */
  snprintf(p, sizeof p, "%s/secret.txt", outside);
  char *s = slurp(p);
  CHECK(s && !strcmp(s, "secret"));
  CHECK(count_entries(outside) == 1);
  CHECK(count_entries(base) == 2);
  snprintf(p, sizeof p, "%s/new.txt", box);
  CHECK(access(p, F_OK) == 0);
  remove_all(base);
}

/* Without --workdir a lesson gets a fresh folder under the cache, removed at the end. */
static void t_sandbox_default_removed(void) {
  char cache[] = "/tmp/loopscope-cache-XXXXXX";
  CHECK(mkdtemp(cache) != NULL);
  setenv("XDG_CACHE_HOME", cache, 1);
  static const char src[] = "main = async(function()\n"
                            "  local f = await(aiofiles.open('kept.txt', 'w'))\n"
                            "  await(f:write('x'))\n"
                            "  await(f:close())\n"
                            "  print('ok')\n"
                            "end)\n";
  cap c;
  char m[4096];
  lx_rt *rt;
  CHECK(run_src(src, &c, m, sizeof m, NULL, &rt) == LX_OK);
  CHECK(!strcmp(c.out, "ok\n"));
  char dir[4200];
  snprintf(dir, sizeof dir, "%s/loopscope/sandbox", cache);
  CHECK(count_entries(dir) == 1); /* the run's folder, while the runtime lives */
  lx_free(rt);
  CHECK(count_entries(dir) == 0);
  /* a lesson without file I/O makes no folder at all */
  CHECK(run_src("print('no files')", &c, m, sizeof m, NULL, NULL) == LX_OK);
  CHECK(count_entries(dir) == 0);
  remove_all(cache);
}

/* ---- files on both clocks ---- */

static const char FILES[] =
    "lesson { io = { latency = 0.002 } }\n"
    "local done = false\n"
    "local writer = async(function()\n"
    "  local f = await(aiofiles.open('big.txt', 'w'))\n"
    "  for i = 1, 8 do await(f:write(string.rep(string.char(96 + i), 1 << 20))) end\n"
    "  await(f:close())\n"
    "  f = await(aiofiles.open('big.txt'))\n"
    "  local s = await(f:read())\n"
    "  await(f:close())\n"
    "  done = true\n"
    "  return #s .. ' ' .. s:sub(1, 1) .. s:sub(-1)\n"
    "end)\n"
    "local ticker = async(function()\n"
    "  local n = 0\n"
    "  while not done do n = n + 1; await(asyncio.sleep(0.001)) end\n"
    "  return n\n"
    "end)\n"
    "main = async(function()\n"
    "  local r = await(asyncio.gather(writer(), ticker()))\n"
    "  print(r[1])\n"
    "  print(r[2] > 0)\n"
    "end)\n";

/* The same program twice on the virtual clock: the same trace, byte for byte, though the
 * workers write 8 MiB and take real time doing it (the loop waits for them). */
static void t_files_virtual_deterministic(void) {
  char base[] = "/tmp/loopscope-io-XXXXXX";
  CHECK(mkdtemp(base) != NULL);
  lx_options o = {0};
  o.workdir = base;
  cap c1, c2;
  char m[4096];
  lx_rt *a, *b;
  CHECK(run_src(FILES, &c1, m, sizeof m, &o, &a) == LX_OK);
  CHECK(run_src(FILES, &c2, m, sizeof m, &o, &b) == LX_OK);
  CHECK_CONTAINS(c1.out, "8388608 ah\nTrue\n");
  CHECK(!strcmp(c1.out, c2.out));
  const ls_trace *ta = lx_run_get(a, 0)->trace, *tb = lx_run_get(b, 0)->trace;
  CHECK(trace_count(ta) == trace_count(tb));
  CHECK(trace_hash(ta) == trace_hash(tb));
  /* the writer's task waits on a future at each operation (SUSPEND on LS_WAIT_FUTURE) */
  int waits = 0;
  for (size_t k = 0; k < trace_count(ta); k++) {
    const ls_trace_rec *r = trace_get(ta, k);
    if (r->kind == LS_EV_SUSPEND && r->sub == LS_WAIT_FUTURE) waits++;
  }
  CHECK(waits == 13); /* open, 8 writes, close, open, read, close */
  lx_free(a);
  lx_free(b);
  remove_all(base);
}

/* On the real clock the loop keeps running timers while the workers write. */
static void t_files_realtime(void) {
  char base[] = "/tmp/loopscope-io-XXXXXX";
  CHECK(mkdtemp(base) != NULL);
  lx_options o = {0};
  o.workdir = base;
  o.clock = LS_CLOCK_REAL;
  cap c;
  char m[4096];
  double t0 = now_s();
  CHECK(run_src(FILES, &c, m, sizeof m, &o, NULL) == LX_OK);
  CHECK(!strcmp(c.out, "8388608 ah\nTrue\n"));
  CHECK(now_s() - t0 < 20);
  char p[4200];
  snprintf(p, sizeof p, "%s/big.txt", base);
  struct stat st;
  CHECK(stat(p, &st) == 0 && st.st_size == 8 << 20);
  remove_all(base);
}

/* ---- HTTP against our own server on 127.0.0.1 ---- */

/* GET /slow/MS/SIZE answers SIZE bytes of 'z' after MS milliseconds; anything else 404. */
typedef struct server {
  int fd, port;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int stop, active, served;
} server;

static server srv;

static int stopping(void) {
  pthread_mutex_lock(&srv.mu);
  int s = srv.stop;
  pthread_mutex_unlock(&srv.mu);
  return s;
}

static void send_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
    if (w <= 0) return;
    p += w;
    n -= (size_t)w;
  }
}

static void *conn_main(void *arg) {
  int fd = (int)(intptr_t)arg;
  char req[2048];
  size_t n = 0;
  while (n < sizeof req - 1 && !strstr(req, "\r\n\r\n")) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) {
      if (stopping()) break;
      continue;
    }
    ssize_t r = recv(fd, req + n, sizeof req - 1 - n, 0);
    if (r <= 0) break;
    n += (size_t)r;
    req[n] = '\0';
  }
  req[n] = '\0';
  int ms = 0, size = 0;
  char head[256];
  if (sscanf(req, "GET /slow/%d/%d ", &ms, &size) == 2 && size >= 0 && size <= (1 << 20)) {
    for (int waited = 0; waited < ms && !stopping(); waited += 5) {
      struct timespec ts = {0, 5000000};
      nanosleep(&ts, NULL);
    }
    int hn =
        snprintf(head, sizeof head,
                 "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", size);
    send_all(fd, head, (size_t)hn);
    char *body = malloc((size_t)size + 1);
    if (body) {
      memset(body, 'z', (size_t)size);
      send_all(fd, body, (size_t)size);
      free(body);
    }
  } else {
    static const char nf[] =
        "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found";
    send_all(fd, nf, sizeof nf - 1);
  }
  close(fd);
  pthread_mutex_lock(&srv.mu);
  srv.active--;
  srv.served++;
  pthread_cond_broadcast(&srv.cv);
  pthread_mutex_unlock(&srv.mu);
  return NULL;
}

static void *accept_main(void *arg) {
  (void)arg;
  while (!stopping()) {
    struct pollfd p = {srv.fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    int c = accept(srv.fd, NULL, NULL);
    if (c < 0) continue;
    pthread_mutex_lock(&srv.mu);
    srv.active++;
    pthread_mutex_unlock(&srv.mu);
    pthread_t t;
    if (pthread_create(&t, NULL, conn_main, (void *)(intptr_t)c) == 0) {
      pthread_detach(t);
    } else {
      close(c);
      pthread_mutex_lock(&srv.mu);
      srv.active--;
      pthread_mutex_unlock(&srv.mu);
    }
  }
  return NULL;
}

/* Listens on 127.0.0.1 at a port the kernel picks. */
static int server_start(void) {
  memset(&srv, 0, sizeof srv);
  pthread_mutex_init(&srv.mu, NULL);
  pthread_cond_init(&srv.cv, NULL);
  srv.fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (srv.fd < 0 || bind(srv.fd, (struct sockaddr *)&a, sizeof a) != 0 ||
      listen(srv.fd, 64) != 0 || getsockname(srv.fd, (struct sockaddr *)&a, &len) != 0)
    return -1;
  srv.port = ntohs(a.sin_port);
  return pthread_create(&srv.thread, NULL, accept_main, NULL);
}

/* Stops accepting, then waits for every connection's thread to finish. */
static void server_stop(void) {
  pthread_mutex_lock(&srv.mu);
  srv.stop = 1;
  pthread_mutex_unlock(&srv.mu);
  pthread_join(srv.thread, NULL);
  close(srv.fd);
  pthread_mutex_lock(&srv.mu);
  while (srv.active > 0)
    pthread_cond_wait(&srv.cv, &srv.mu);
  pthread_mutex_unlock(&srv.mu);
  pthread_mutex_destroy(&srv.mu);
  pthread_cond_destroy(&srv.cv);
}

/* Four GETs at once take about as long as the slowest, and timers fire meanwhile. */
static void t_http_realtime(void) {
  CHECK(server_start() == 0);
  char src[4096];
  snprintf(src, sizeof src,
           "local BASE = 'http://127.0.0.1:%d'\n"
           "local fetch = async(function(s, path)\n"
           "  local r = await(s:get(BASE .. path))\n"
           "  local t = await(r:text())\n"
           "  return r.status .. ' ' .. #t .. ' ' .. t:sub(1, 3)\n"
           "end)\n"
           "local ticker = async(function()\n"
           "  for i = 1, 3 do await(asyncio.sleep(0.05)) print('tick ' .. i) end\n"
           "end)\n"
           "main = async(function()\n"
           "  local s = aiohttp.ClientSession()\n"
           "  local t0 = time.monotonic()\n"
           "  local tick = asyncio.create_task(ticker())\n"
           "  local res = await(asyncio.gather(fetch(s, '/slow/400/1000'),\n"
           "    fetch(s, '/slow/400/70000'), fetch(s, '/slow/400/0'), fetch(s, '/missing')))\n"
           "  for _, r in ipairs(res) do print(r) end\n"
           "  await(tick)\n"
           "  local dt = time.monotonic() - t0\n"
           "  print(dt > 0.35 and dt < 1.0 and 'concurrent' or ('took ' .. dt))\n"
           "  await(s:close())\n"
           "end)\n",
           srv.port);
  lx_options o = {0};
  o.clock = LS_CLOCK_REAL;
  cap c;
  char m[4096];
  CHECK(run_src(src, &c, m, sizeof m, &o, NULL) == LX_OK);
  CHECK(!strcmp(c.out, "tick 1\ntick 2\ntick 3\n200 1000 zzz\n200 70000 zzz\n200 0 \n"
                       "404 9 not\nconcurrent\n"));
  if (strcmp(c.out, "tick 1\ntick 2\ntick 3\n200 1000 zzz\n200 70000 zzz\n200 0 \n"
                    "404 9 not\nconcurrent\n"))
    fprintf(stderr, "got:\n%s\n%s\n", c.out, c.err);
  server_stop();
  CHECK(srv.served == 4);
}

/* A refused connection is a ConnectionError naming the host. */
static void t_http_refused(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  CHECK(bind(fd, (struct sockaddr *)&a, sizeof a) == 0);
  CHECK(getsockname(fd, (struct sockaddr *)&a, &len) == 0);
  int port = ntohs(a.sin_port);
  close(fd); /* nobody listens there now */
  char src[1024];
  snprintf(
      src, sizeof src,
      "main = async(function()\n"
      "  local s = aiohttp.ClientSession()\n"
      "  local ok, e = pcall(function() return await(s:get('http://127.0.0.1:%d/x')) end)\n"
      "  print(ok, e.type, isinstance(e, OSError))\n"
      "  print(tostring(e))\n"
      "end)\n",
      port);
  lx_options o = {0};
  o.clock = LS_CLOCK_REAL;
  cap c;
  char m[4096];
  CHECK(run_src(src, &c, m, sizeof m, &o, NULL) == LX_OK);
  CHECK_CONTAINS(c.out, "False ConnectionError True\n");
  char want[64];
  snprintf(want, sizeof want, "Cannot connect to host 127.0.0.1:%d", port);
  CHECK_CONTAINS(c.out, want);
}

/* Cancelling a task that awaits a slow GET ends the wait at once and drops the transfer:
 * the run does not wait for the server. */
static void t_http_cancel(void) {
  CHECK(server_start() == 0);
  char src[2048];
  snprintf(src, sizeof src,
           "main = async(function()\n"
           "  local s = aiohttp.ClientSession()\n"
           "  local t = asyncio.create_task(s:get('http://127.0.0.1:%d/slow/5000/10'))\n"
           "  await(asyncio.sleep(0.1))\n"
           "  t:cancel()\n"
           "  local ok, e = pcall(await, t)\n"
           "  print(ok, e.type)\n"
           "end)\n",
           srv.port);
  lx_options o = {0};
  o.clock = LS_CLOCK_REAL;
  cap c;
  char m[4096];
  double t0 = now_s();
  CHECK(run_src(src, &c, m, sizeof m, &o, NULL) == LX_OK);
  double dt = now_s() - t0;
  CHECK(!strcmp(c.out, "False CancelledError\n"));
  CHECK(dt < 2.0);
  server_stop();
}

static const struct {
  const char *name;
  void (*fn)(void);
} tests[] = {
    {"sandbox_refusals", t_sandbox_refusals},
    {"sandbox_default_removed", t_sandbox_default_removed},
    {"files_virtual_deterministic", t_files_virtual_deterministic},
    {"files_realtime", t_files_realtime},
    {"http_realtime", t_http_realtime},
    {"http_refused", t_http_refused},
    {"http_cancel", t_http_cancel},
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

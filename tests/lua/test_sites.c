/* test_sites.c -- the await-site rewrite (lx_sites.c): which calls it marks, what it leaves
 * alone, when it steps back, and that a rewritten lesson behaves exactly as the original. */
#include <dirent.h>

#include "lx_fixture.h"
#include "lx_int.h"
#include "trace.h"

static char *rewrite(const char *src, int32_t **lines, size_t *n) {
  size_t len;
  return lx_sites_rewrite(src, strlen(src), &len, lines, n);
}

static void t_marks_calls(void) {
  int32_t *lines;
  size_t n;
  char *out = rewrite("main = async(function()\n  await(asyncio.sleep(1))\n"
                      "  local r = await (g()) + await\n(h())\nend)\n",
                      &lines, &n);
  CHECK(out != NULL);
  if (!out) return;
  CHECK(!strcmp(out, "local __await_at = __await_at; "
                     "main = async(function()\n  __await_at[2](asyncio.sleep(1))\n"
                     "  local r = __await_at[3] (g()) + __await_at[3]\n(h())\nend)\n"));
  CHECK(n == 3 && lines[0] == 2 && lines[1] == 3 && lines[2] == 3);
  free(out);
  free(lines);
}

/* Comments, strings of every kind, fields and methods are not calls of the global. */
static void t_leaves_the_rest(void) {
  const char *src = "-- await(x) in a comment\n"       /* 1 */
                    "--[==[ await(y)\n"                /* 2 */
                    "]] still ]==] x = 1\n"            /* 3 */
                    "local s = \"await(\" .. 'await(' .. [[\n" /* 4 */
                    "await(]] .. [=[ ]] await( ]=]\n"  /* 5 */
                    "local u = \"a\\z\n"               /* 6 */
                    "   b\" .. \"c\\\nd\" .. 'e\\'await('\n" /* 7, 8 */
                    "obj:await(1); obj.await(2); x = a..await(3)\n"; /* 9 */
  int32_t *lines;
  size_t n;
  char *out = rewrite(src, &lines, &n);
  CHECK(out != NULL);
  if (!out) return;
  CHECK(n == 1 && lines[0] == 9);
  CHECK_CONTAINS(out, "obj:await(1); obj.await(2); x = a..__await_at[9](3)\n");
  const char *prefix = "local __await_at = __await_at; ";
  CHECK(!strncmp(out, prefix, strlen(prefix)));
  CHECK(!strncmp(out + strlen(prefix), src, strlen(src) - strlen("await(3)\n"))); /* untouched */
  free(out);
  free(lines);
}

/* Lua's line breaks: \n, \r, \r\n and \n\r count one each. */
static void t_line_breaks(void) {
  int32_t *lines;
  size_t n;
  char *out = rewrite("a()\r\nb()\n\rc()\r\rawait(x)\n", &lines, &n);
  CHECK(out && n == 1 && lines[0] == 5);
  free(out);
  free(lines);
}

/* Anything that could change the meaning leaves the source as written. */
static void t_steps_back(void) {
  const char *unsafe[] = {
      "local await = await\nawait(x)",  "await = nil",
      "function await(x) end",          "print(await)",
      "t = {await = 1}\nawait(x)",      "local f = _ENV\nawait(x)",
      "__await_at = 1\nawait(x)",       "await(x)\nlocal s = 'unfinished\n",
      "await(x)\n--[[ unfinished",      "f(await)",
      "await 'str'",                    "for await in pairs(t) do end",
  };
  for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++) {
    int32_t *lines;
    size_t n;
    char *out = rewrite(unsafe[i], &lines, &n);
    if (out) fprintf(stderr, "rewrote unsafe source %zu: %s\n", i, unsafe[i]);
    CHECK(out == NULL && lines == NULL && n == 0);
    free(out);
  }
  int32_t *lines;
  size_t n;
  CHECK(rewrite("print('no awaits here')", &lines, &n) == NULL);
}

/* Suspend lines in the trace, the output and a traceback are the same whether the lesson is
 * rewritten or (with `local await = await` on its first line) loaded as written. */
static void run_lines(const char *src, cap *c, char *m, size_t mlen, int32_t *lines, int *n) {
  lx_rt *rt = NULL;
  *n = 0;
  CHECK(fixture_run(src, c, m, mlen, NULL, (lx_options){0}, &rt) == LX_EFAIL);
  if (!rt) return;
  const ls_trace *tr = lx_run_get(rt, 0)->trace;
  for (size_t k = 0; k < trace_count(tr) && *n < 16; k++) {
    const ls_trace_rec *r = trace_get(tr, k);
    if (r->kind == LS_EV_SUSPEND) lines[(*n)++] = r->line;
  }
  lx_free(rt);
}

static void t_same_behaviour(void) {
  const char *body = "\n"
                     "local boom = async(function()\n"
                     "  await(asyncio.sleep(0))\n"
                     "  error(ValueError('bad'))\n"
                     "end)\n"
                     "main = async(function()\n"
                     "  await(asyncio.sleep(1))\n"
                     "  local t = asyncio.create_task(boom())\n"
                     "  await(\n"
                     "    t)\n"
                     "end)\n";
  char plain[2048];
  snprintf(plain, sizeof plain, "local await = await%s", body);
  char marked[2048];
  snprintf(marked, sizeof marked, "local unused = 0%s", body);
  static cap c1, c2;
  int32_t l1[16], l2[16];
  int n1, n2;
  char m1[4096], m2[4096];
  run_lines(plain, &c1, m1, sizeof m1, l1, &n1);
  run_lines(marked, &c2, m2, sizeof m2, l2, &n2);
  CHECK(n1 == 3 && n1 == n2);
  for (int i = 0; i < n1 && i < n2; i++) CHECK(l1[i] == l2[i]);
  CHECK(n1 >= 3 && l1[0] == 7 && l1[1] == 9 && l1[2] == 3);
  CHECK(!strcmp(c1.out, c2.out));
  CHECK(!strcmp(c1.err, c2.err));
  CHECK(!strcmp(m1, m2));
  CHECK_CONTAINS(m2, "line 4, in boom");
}

/* Every lesson and behaviour case, run as written and rewritten, prints and reports the same:
 * a prefix on line 1 that mentions __await_at turns the rewrite off, an inert one keeps it. */
static char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(1 << 20);
  *n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  if (buf) buf[*n] = '\0';
  return buf;
}

/* Runs prefix + src; returns a hash of every run's trace (suspend lines included). */
static uint64_t run_prefixed(const char *prefix, const char *src, cap *c, char *msg,
                             size_t mlen, int *rc) {
  size_t n = strlen(prefix) + strlen(src) + 1;
  char *full = malloc(n);
  snprintf(full, n, "%s%s", prefix, src);
  lx_rt *rt = NULL;
  *rc = fixture_run(full, c, msg, mlen, NULL, (lx_options){0}, &rt);
  free(full);
  uint64_t h = 0;
  for (size_t i = 0; rt && i < lx_run_count(rt); i++)
    h = h * 31 + trace_hash(lx_run_get(rt, i)->trace);
  lx_free(rt);
  return h;
}

static void t_corpus_same(void) {
  const char *dirs[] = {LS_SOURCE_DIR "/lessons", LS_SOURCE_DIR "/tests/lua/cases"};
  static cap a, b;
  char ma[4096], mb[4096];
  int files = 0, rewritten = 0;
  for (size_t d = 0; d < 2; d++) {
    DIR *dir = opendir(dirs[d]);
    CHECK(dir != NULL);
    struct dirent *de;
    while (dir && (de = readdir(dir))) {
      size_t len = strlen(de->d_name);
      if (len < 5 || strcmp(de->d_name + len - 4, ".lua")) continue;
      char path[600];
      snprintf(path, sizeof path, "%s/%s", dirs[d], de->d_name);
      size_t n;
      char *src = read_file(path, &n);
      CHECK(src != NULL);
      if (!src) continue;
      int32_t *lines;
      size_t nl;
      char *rw = lx_sites_rewrite(src, n, &n, &lines, &nl);
      rewritten += rw != NULL;
      free(rw);
      free(lines);
      int ra, rb;
      uint64_t ha = run_prefixed("local __await_at; ", src, &a, ma, sizeof ma, &ra);
      uint64_t hb = run_prefixed("local __unused__; ", src, &b, mb, sizeof mb, &rb);
      if (ha != hb) fprintf(stderr, "%s: the traces differ when rewritten\n", path);
      if (ha != hb || ra != rb || strcmp(a.out, b.out) || strcmp(a.err, b.err) || strcmp(ma, mb)) {
        fprintf(stderr, "%s: differs when rewritten (status %d vs %d)\n--- as written:\n%s%s%s\n"
                        "--- rewritten:\n%s%s%s\n", path, ra, rb, a.out, a.err, ma, b.out, b.err, mb);
        failures++;
      }
      files++;
      free(src);
    }
    if (dir) closedir(dir);
  }
  printf("%d files compared, %d of them rewritten\n", files, rewritten);
  CHECK(files >= 90 && rewritten >= 80);
}

static const struct {
  const char *name;
  void (*fn)(void);
} tests[] = {
    {"corpus_same", t_corpus_same},
    {"marks_calls", t_marks_calls}, {"leaves_the_rest", t_leaves_the_rest},
    {"line_breaks", t_line_breaks}, {"steps_back", t_steps_back},
    {"same_behaviour", t_same_behaviour},
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

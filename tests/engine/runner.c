/* runner.c -- the engine test runner: `test_engine NAME` runs one test in this process,
 * `test_engine` runs each test in a child process, `test_engine --list` names them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "test_list.h"

#define DECLARE(name) void test_##name(void);
ENGINE_TESTS(DECLARE)
#undef DECLARE

typedef struct entry {
  const char *name;
  void (*fn)(void);
} entry;

static const entry tests[] = {
#define ENTRY(name) {#name, test_##name},
    ENGINE_TESTS(ENTRY)
#undef ENTRY
};
#define NTESTS (sizeof tests / sizeof tests[0])

static const char *running = "?";

_Noreturn void test_fail(const char *file, int line, const char *fmt, ...) {
  fflush(stdout);
  fprintf(stderr, "%s:%d: [%s] ", file, line, running);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  abort();
}

static int run_one(const entry *t) {
  running = t->name;
  t->fn();
  return 0;
}

/* Each test gets its own process, so one crash or abort cannot hide the others. */
static int run_all(void) {
  int failed = 0;
  for (size_t i = 0; i < NTESTS; i++) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
      perror("fork");
      return 1;
    }
    if (pid == 0) _exit(run_one(&tests[i]));
    int status = 0;
    waitpid(pid, &status, 0);
    int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    printf("%s %s\n", ok ? "ok  " : "FAIL", tests[i].name);
    failed += !ok;
  }
  printf("%zu tests, %d failed\n", NTESTS, failed);
  return failed != 0;
}

int main(int argc, char **argv) {
  if (argc < 2) return run_all();
  if (strcmp(argv[1], "--list") == 0) {
    for (size_t i = 0; i < NTESTS; i++)
      puts(tests[i].name);
    return 0;
  }
  for (size_t i = 0; i < NTESTS; i++)
    if (strcmp(argv[1], tests[i].name) == 0) return run_one(&tests[i]);
  fprintf(stderr, "test_engine: no test named '%s' (try --list)\n", argv[1]);
  return 2;
}

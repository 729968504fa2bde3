/* run.c -- the headless runner: stdout holds exactly what print() wrote. It knows no SDL: the
 * picture export comes in as a function, from loopscope-ui only. */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fsutil.h"
#include "lx.h"
#include "view_chrome.h"

static void to_stdout(void *ud, const char *s, size_t n) {
  (void)ud;
  fwrite(s, 1, n, stdout);
}

static void to_stderr(void *ud, const char *s, size_t n) {
  (void)ud;
  fflush(stdout); /* keep the two streams in the order things happened */
  fwrite(s, 1, n, stderr);
}

static int write_trace(lx_rt *rt, const char *path) {
  size_t n = lx_run_count(rt);
  view_run *runs = calloc(n ? n : 1, sizeof *runs);
  if (!runs) return -1;
  for (size_t i = 0; i < n; i++) {
    const lx_runinfo *r = lx_run_get(rt, i);
    runs[i] = (view_run){r->name, r->trace};
  }
  atomic_file a;
  int rc = -1;
  if (atomic_open(&a, path) == 0) {
    if (view_chrome_write(a.f, runs, n) == 0)
      rc = atomic_commit(&a);
    else
      atomic_abort(&a);
  }
  free(runs);
  return rc;
}

/* --check: the printed lines and the last run's total against lesson{expect = ...}. */
static int check(lx_rt *rt, int realtime) {
  app_check k;
  app_check_run(rt, realtime, &k);
  if (k.no_expect) {
    fprintf(stderr, "check: the lesson has no expect = {...} to check against\n");
    return 1;
  }
  if (k.line)
    fprintf(stderr, "check: line %zu: expected %s%s%s, got %s%s%s\n", k.line, k.want ? "'" : "",
            k.want ? k.want : "no more lines", k.want ? "'" : "", k.got ? "'" : "",
            k.got ? k.got : "no more lines", k.got ? "'" : "");
  if (k.total_bad)
    fprintf(stderr, "check: total time: expected %.2f s, got %.2f s\n", k.total_want,
            k.total_got);
  if (k.ok) fprintf(stderr, "check: ok\n");
  return !k.ok;
}

int app_run(const cli *c, app_export_fn export) {
  lx_options o = {
      .clock = c->realtime ? LS_CLOCK_REAL : LS_CLOCK_VIRTUAL,
      .debug = c->debug,
      .max_time = c->max_time,
      .max_handles = c->max_steps,
      .workdir = c->workdir,
      .out = to_stdout,
      .err = to_stderr,
  };
  lx_rt *rt = lx_new(&o);
  if (!rt) {
    fprintf(stderr, "loopscope: out of memory\n");
    return 1;
  }
  char err[8192];
  int rc = lx_load_file(rt, c->file, err, sizeof err);
  if (rc != LX_OK) {
    fprintf(stderr, "%s%s\n", rc == LX_EUSAGE ? "loopscope: " : "", err);
    lx_free(rt);
    return rc == LX_EUSAGE ? 2 : 1;
  }
  rc = lx_run(rt, err, sizeof err);
  fflush(stdout);
  if (rc != LX_OK) fprintf(stderr, "%s\n", err);
  int status = rc == LX_OK ? 0 : 1;
  if (c->trace_out && write_trace(rt, c->trace_out) != 0) {
    fprintf(stderr, "loopscope: cannot write %s: %s\n", c->trace_out, strerror(errno));
    status = 2;
  }
  if (c->export_out) {
    char xerr[1024];
    if (!export) snprintf(xerr, sizeof xerr, "the picture exports need loopscope-ui");
    if (!export || export(rt, c, xerr, sizeof xerr) != 0) {
      fprintf(stderr, "loopscope: %s\n", xerr);
      status = 2;
    } else {
      fprintf(stderr, "wrote %s\n", c->export_out);
    }
  }
  if (status == 0 && c->check && check(rt, c->realtime)) status = 1;
  lx_free(rt);
  return status;
}

/* check.c -- the expect comparison behind `run --check` and the window's exercise verdict. */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* 'text', or the words for a missing line, into buf. */
static const char *quoted(char *buf, size_t n, const char *s, const char *none) {
  if (s)
    snprintf(buf, n, "'%s'", s);
  else
    snprintf(buf, n, "%s", none);
  return buf;
}

void app_check_run(lx_rt *rt, int realtime, app_check *out) {
  memset(out, 0, sizeof *out);
  const lx_lesson *ls = lx_lesson_info(rt);
  if (!ls || (!ls->has_expect_output && !ls->has_expect_total)) {
    out->no_expect = 1;
    snprintf(out->en, sizeof out->en, "✗ the lesson has no expect = {...} to check against");
    snprintf(out->ko, sizeof out->ko, "✗ 비교할 expect = {...}가 없습니다");
    return;
  }
  if (ls->has_expect_output) {
    size_t n = lx_output_count(rt), m = ls->nexpect_output;
    for (size_t i = 0; i < (n > m ? n : m); i++) {
      const char *got = lx_output_line(rt, i), *want = i < m ? ls->expect_output[i] : NULL;
      if (got && want && !strcmp(got, want)) continue;
      out->line = i + 1;
      out->want = want;
      out->got = got;
      break;
    }
  }
  if (ls->has_expect_total) {
    size_t n = lx_run_count(rt);
    out->total_got = n ? lx_run_get(rt, n - 1)->total : 0;
    out->total_want = ls->expect_total;
    double tol = realtime ? 0.05 + 0.05 * ls->expect_total : 1e-6;
    out->total_bad = fabs(out->total_got - out->total_want) > tol;
  }
  out->ok = !out->line && !out->total_bad;
  if (out->ok) {
    snprintf(out->en, sizeof out->en, "✓ passed");
    snprintf(out->ko, sizeof out->ko, "✓ 통과");
  } else if (out->line) {
    char w[2][256], g[2][256];
    snprintf(out->en, sizeof out->en, "✗ line %zu: expected %s, got %s", out->line,
             quoted(w[0], sizeof w[0], out->want, "no more lines"),
             quoted(g[0], sizeof g[0], out->got, "no more lines"));
    snprintf(out->ko, sizeof out->ko, "✗ %zu번째 줄: %s이어야 하는데 %s입니다", out->line,
             quoted(w[1], sizeof w[1], out->want, "(줄 없음)"),
             quoted(g[1], sizeof g[1], out->got, "(줄 없음)"));
  } else {
    snprintf(out->en, sizeof out->en, "✗ total time: expected %.2f s, got %.2f s",
             out->total_want, out->total_got);
    snprintf(out->ko, sizeof out->ko, "✗ 총 실행 시간: %.2f초여야 하는데 %.2f초입니다",
             out->total_want, out->total_got);
  }
}

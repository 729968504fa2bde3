/* check.h -- a lesson's printed lines and total time against its expect = {...}: one verdict
 * shared by `run --check` and the window's exercises. */
#ifndef APP_CHECK_H
#define APP_CHECK_H

#include <stddef.h>

#include "lx.h"

typedef struct app_check {
  int ok;        /* 1: everything expect names matched */
  int no_expect; /* the lesson has no expect = {...} (ok is 0) */
  size_t line;   /* the first mismatching printed line, 1-based; 0: the lines matched */
  const char *want, *got; /* that line's expected and printed text; NULL: no more lines.
                             Borrowed from the runtime. */
  int total_bad; /* the last run's total time differs */
  double total_want, total_got; /* seconds */
  char ko[600], en[600]; /* one line for the student: "✓ ..." when ok, else "✗ ..." */
} app_check;

/* Checks rt's record against its lesson's expect; realtime widens the time tolerance. */
void app_check_run(lx_rt *rt, int realtime, app_check *out);

#endif

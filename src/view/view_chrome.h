/* view_chrome.h -- a trace as Chrome Trace Event JSON (opens in Perfetto and chrome://tracing). */
#ifndef VIEW_CHROME_H
#define VIEW_CHROME_H

#include <stddef.h>
#include <stdio.h>

#include "trace.h"

typedef struct view_run {
  const char *name;
  const ls_trace *trace;
} view_run;

/* One process per run, one named track per task, X events for steps, async b/e pairs for
 * waits, instant events for prints. Returns 0, or -1 when writing failed. */
int view_chrome_write(FILE *f, const view_run *runs, size_t n);

#endif

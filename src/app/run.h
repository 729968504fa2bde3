/* run.h -- `loopscope run`: a lesson headless, output to stdout, optional trace and check. */
#ifndef APP_RUN_H
#define APP_RUN_H

#include <stddef.h>

#include "cli.h"
#include "lx.h"

/* Draws c->export_out from a finished run: app_export (export.h), which needs SDL, so only
   loopscope-ui passes it. 0, or 2 with err set. */
typedef int (*app_export_fn)(lx_rt *rt, const cli *c, char *err, size_t errlen);

/* The process exit status. export: NULL without SDL (then c->export_out is refused). */
int app_run(const cli *c, app_export_fn export);

#endif

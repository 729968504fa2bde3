/* run.h -- `loopscope run`: a lesson headless, output to stdout, optional trace and check. */
#ifndef APP_RUN_H
#define APP_RUN_H

#include "cli.h"

int app_run(const cli *c); /* the process exit status */

#endif

/* main.c -- loopscope and loopscope-ui: dispatches the command line; the only place that exits.
 * Built twice: loopscope-ui (LS_UI) does everything; loopscope, the front, links no SDL and
 * execs loopscope-ui for what draws, so a headless run starts in ~2 ms instead of ~18. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "run.h"
#ifdef LS_UI
#include "export.h"
#include "shot.h"
#include "window.h"
#else
#include "ui_exec.h"
#endif

#ifndef LS_VERSION
#define LS_VERSION "0.0.0"
#endif

int main(int argc, char **argv) {
  cli c;
  char err[9000];
  if (cli_parse(&c, argc, argv, err, sizeof err)) {
    fprintf(stderr, "loopscope: %s\n", err);
    return 2;
  }
#ifndef LS_UI
  if (cli_needs_ui(&c)) {
    int rc = app_exec_ui(argv, err, sizeof err); /* returns only when it could not */
    fprintf(stderr, "loopscope: %s\n", err);
    return rc;
  }
#endif
  switch (c.cmd) {
  case CMD_VERSION:
    printf("loopscope %s\n", LS_VERSION);
    return 0;
  case CMD_HELP:
    cli_usage();
    return 0;
#ifdef LS_UI
  case CMD_RUN:
    return app_run(&c, app_export);
  case CMD_SHOT:
    return app_shot(&c);
  case CMD_WINDOW:
  default:
    return app_window(&c);
#else
  case CMD_RUN:
    return app_run(&c, NULL); /* no --export here: cli_needs_ui sent it to loopscope-ui */
  default:
    return 2; /* not reached: the window and `shot` went to loopscope-ui */
#endif
  }
}

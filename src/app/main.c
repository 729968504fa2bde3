/* main.c -- loopscope: dispatches the command line; the only place that exits. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "run.h"
#include "shot.h"
#include "window.h"

#ifndef LS_VERSION
#define LS_VERSION "0.0.0"
#endif

int main(int argc, char **argv) {
  cli c;
  char err[512];
  if (cli_parse(&c, argc, argv, err, sizeof err)) {
    fprintf(stderr, "loopscope: %s\n", err);
    return 2;
  }
  switch (c.cmd) {
  case CMD_VERSION:
    printf("loopscope %s\n", LS_VERSION);
    return 0;
  case CMD_HELP:
    cli_usage();
    return 0;
  case CMD_RUN:
    return app_run(&c);
  case CMD_SHOT:
    return app_shot(&c);
  case CMD_WINDOW:
  default:
    return app_window(&c);
  }
}

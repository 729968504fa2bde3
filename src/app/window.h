/* window.h -- the window: a lesson played back from its recorded traces, or the lesson list. */
#ifndef APP_WINDOW_H
#define APP_WINDOW_H

#include "cli.h"

/* Opens c->file, or the lesson list when it is NULL; returns the exit status on close.
   $LOOPSCOPE_BENCH_FRAMES=N plays N frames as fast as the renderer allows, prints the time per
   frame to stderr and exits (bench/frame.sh). */
int app_window(const cli *c);

#endif

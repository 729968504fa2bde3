/* ui_exec.c -- finding and starting loopscope-ui: the front links no SDL, so a headless run
 * starts without mapping ~90 libraries; the window, `shot` and the exports run there. */
#include "ui_exec.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define UI_NAME "loopscope-ui"

int app_exec_ui(char **argv, char *err, size_t errlen) {
  char dir[4096];
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  if (n <= 0 || (size_t)n >= sizeof dir - 1) {
    snprintf(err, errlen, "the window and exports need %s, and /proc/self/exe gives no folder",
             UI_NAME);
    return 2;
  }
  dir[n] = '\0';
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0'; /* the folder of this executable (already free of symlinks) */
  char here[4200], libexec[4200];
  snprintf(here, sizeof here, "%s/%s", dir, UI_NAME);
  slash = strrchr(dir, '/');
  snprintf(libexec, sizeof libexec, "%.*s/libexec/loopscope/%s", slash ? (int)(slash - dir) : 0,
           dir, UI_NAME);
  const char *paths[] = {here, libexec};
  for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
    if (access(paths[i], F_OK) != 0) continue;
    execv(paths[i], argv);
    snprintf(err, errlen, "cannot start %s: %s", paths[i], strerror(errno));
    return 2;
  }
  snprintf(err, errlen, "the window and exports need %s, not found at %s or %s", UI_NAME, here,
           libexec);
  return 2;
}

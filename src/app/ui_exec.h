/* ui_exec.h -- the front (loopscope) hands what draws to loopscope-ui, which links SDL. */
#ifndef APP_UI_EXEC_H
#define APP_UI_EXEC_H

#include <stddef.h>

/* Replaces this process with loopscope-ui, given the same argv: beside this executable, else in
   ../libexec/loopscope/ from it. Returns only on failure: 2, with one line in err. */
int app_exec_ui(char **argv, char *err, size_t errlen);

#endif

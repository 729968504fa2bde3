/* fsutil.h -- files written whole or not at all: a temporary name, then rename. */
#ifndef APP_FSUTIL_H
#define APP_FSUTIL_H

#include <stdio.h>

typedef struct atomic_file {
  FILE *f;
  char tmp[4096];
  char path[4096];
} atomic_file;

/* Opens a temporary file beside path; 0, or -1 with errno set. */
int atomic_open(atomic_file *a, const char *path);
/* Flushes, syncs and renames over path; 0, or -1 (the temporary is removed). */
int atomic_commit(atomic_file *a);
void atomic_abort(atomic_file *a);

#endif

/* fsutil.c -- an export interrupted half-way leaves the old file, never a broken one. */
#include "fsutil.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_open(atomic_file *a, const char *path) {
  memset(a, 0, sizeof *a);
  if (strlen(path) + 16 >= sizeof a->tmp) {
    errno = ENAMETOOLONG;
    return -1;
  }
  snprintf(a->path, sizeof a->path, "%s", path);
  snprintf(a->tmp, sizeof a->tmp, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(a->tmp);
  if (fd < 0) return -1;
  mode_t um = umask(0); /* mkstemp makes 0600; a picture should be as readable as any file */
  umask(um);
  fchmod(fd, 0666 & ~um);
  a->f = fdopen(fd, "wb");
  if (!a->f) {
    int e = errno;
    close(fd);
    unlink(a->tmp);
    errno = e;
    return -1;
  }
  return 0;
}

int atomic_commit(atomic_file *a) {
  int bad = fflush(a->f) != 0 || ferror(a->f) || fsync(fileno(a->f)) != 0;
  int e = errno;
  if (fclose(a->f) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  a->f = NULL;
  if (!bad && rename(a->tmp, a->path) == 0) return 0;
  if (!bad) e = errno;
  unlink(a->tmp);
  errno = e;
  return -1;
}

void atomic_abort(atomic_file *a) {
  if (a->f) fclose(a->f);
  a->f = NULL;
  if (a->tmp[0]) unlink(a->tmp);
}

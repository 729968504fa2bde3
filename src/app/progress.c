/* progress.c -- the student's progress file: read forgivingly, written whole. */
#include "progress.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"

#define HEADER "loopscope-progress 1"

static char *dupstr(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* An id is one word: no spaces or control characters, so a line always splits back. */
static bool id_ok(const char *id) {
  if (!id || !*id || strlen(id) > 200) return false;
  for (const unsigned char *s = (const unsigned char *)id; *s; s++)
    if (*s <= ' ' || *s == 0x7f) return false;
  return true;
}

int app_progress_path(char *buf, size_t cap) {
  const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
  if (x && *x)
    snprintf(buf, cap, "%s/loopscope/progress", x);
  else if (home && *home)
    snprintf(buf, cap, "%s/.config/loopscope/progress", home);
  else
    return -1;
  return 0;
}

void app_progress_clear(app_progress *p) {
  for (size_t i = 0; i < p->ndone; i++) free(p->done[i]);
  free(p->done);
  for (size_t i = 0; i < p->nanswers; i++) free(p->answers[i].id);
  free(p->answers);
  p->done = NULL;
  p->answers = NULL;
  p->ndone = p->nanswers = 0;
}

bool app_progress_is_done(const app_progress *p, const char *id) {
  for (size_t i = 0; id && i < p->ndone; i++)
    if (!strcmp(p->done[i], id)) return true;
  return false;
}

bool app_progress_set_done(app_progress *p, const char *id) {
  if (!id_ok(id) || app_progress_is_done(p, id)) return false;
  char **v = realloc(p->done, (p->ndone + 1) * sizeof *v);
  if (!v) return false;
  p->done = v;
  if (!(v[p->ndone] = dupstr(id))) return false;
  p->ndone++;
  return true;
}

int app_progress_answer(const app_progress *p, const char *id, int question) {
  for (size_t i = 0; id && i < p->nanswers; i++)
    if (p->answers[i].question == question && !strcmp(p->answers[i].id, id))
      return p->answers[i].choice;
  return -1;
}

bool app_progress_set_answer(app_progress *p, const char *id, int question, int choice) {
  if (!id_ok(id) || question < 1 || choice < 0) return false;
  for (size_t i = 0; i < p->nanswers; i++)
    if (p->answers[i].question == question && !strcmp(p->answers[i].id, id)) {
      if (p->answers[i].choice == choice) return false;
      p->answers[i].choice = choice;
      return true;
    }
  app_progress_ans *v = realloc(p->answers, (p->nanswers + 1) * sizeof *v);
  if (!v) return false;
  p->answers = v;
  char *d = dupstr(id);
  if (!d) return false;
  v[p->nanswers++] = (app_progress_ans){d, question, choice};
  return true;
}

int app_progress_load(app_progress *p, const char *path) {
  app_progress_clear(p);
  snprintf(p->path, sizeof p->path, "%s", path ? path : "");
  if (!path || !*path) return 1;
  FILE *f = fopen(path, "r");
  if (!f) {
    if (errno == ENOENT) return 1;
    fprintf(stderr, "loopscope: cannot read %s: %s; starting with no progress\n", path,
            strerror(errno));
    return -1;
  }
  char line[512];
  int lineno = 0, bad = 0;
  while (!bad && fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strlen(line);
    if (n && line[n - 1] == '\n') line[--n] = 0;
    else if (!feof(f)) bad = lineno; /* too long */
    if (bad) break;
    if (lineno == 1) {
      if (strcmp(line, HEADER) != 0) bad = lineno;
      continue;
    }
    if (!*line) continue;
    char id[256], extra[2];
    int q, ch;
    if (!strncmp(line, "done ", 5) && sscanf(line + 5, "%255s %1s", id, extra) == 1 &&
        id_ok(id))
      app_progress_set_done(p, id);
    else if (!strncmp(line, "answer ", 7) &&
             sscanf(line + 7, "%255s %d %d %1s", id, &q, &ch, extra) == 3 && q >= 1 && ch >= 0 &&
             ch <= 99 && id_ok(id))
      app_progress_set_answer(p, id, q, ch);
    else
      bad = lineno;
  }
  if (!bad && ferror(f)) bad = lineno ? lineno : 1;
  if (!bad && lineno == 0) bad = 1; /* empty: not even the header */
  fclose(f);
  if (bad) {
    app_progress_clear(p);
    fprintf(stderr, "loopscope: %s is not a progress file (line %d); starting with no progress\n",
            path, bad);
    return -1;
  }
  return 0;
}

static int mkdir_for(const char *path) {
  char d[4096];
  snprintf(d, sizeof d, "%s", path);
  char *slash = strrchr(d, '/');
  if (!slash || slash == d) return 0;
  *slash = 0;
  for (char *s = d + 1; *s; s++) {
    if (*s != '/') continue;
    *s = 0;
    if (mkdir(d, 0777) != 0 && errno != EEXIST) return -1;
    *s = '/';
  }
  return mkdir(d, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

int app_progress_save(const app_progress *p) {
  if (!p->path[0]) return -1;
  atomic_file a;
  if (mkdir_for(p->path) != 0 || atomic_open(&a, p->path) != 0) {
    fprintf(stderr, "loopscope: cannot save progress to %s: %s\n", p->path, strerror(errno));
    return -1;
  }
  fprintf(a.f, "%s\n", HEADER);
  for (size_t i = 0; i < p->ndone; i++) fprintf(a.f, "done %s\n", p->done[i]);
  for (size_t i = 0; i < p->nanswers; i++)
    fprintf(a.f, "answer %s %d %d\n", p->answers[i].id, p->answers[i].question,
            p->answers[i].choice);
  if (atomic_commit(&a) != 0) {
    fprintf(stderr, "loopscope: cannot save progress to %s: %s\n", p->path, strerror(errno));
    return -1;
  }
  return 0;
}

/* browser.c -- scanning the lessons folder and reading each lesson's title from its text: a
 * lesson may be slow or broken, and the list must still open at once. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "browser.h"

#include <SDL.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int app_lessons_dir(char *buf, size_t cap) {
  const char *env = getenv("LOOPSCOPE_LESSONS");
  if (env && *env && is_dir(env)) {
    snprintf(buf, cap, "%s", env);
    return 0;
  }
  if (is_dir("lessons")) {
    char *cwd = realpath("lessons", NULL);
    if (cwd) {
      snprintf(buf, cap, "%s", cwd);
      free(cwd);
      return 0;
    }
  }
  char *base = SDL_GetBasePath();
  if (base) {
    static const char *const rel[] = {"lessons", "../../../lessons", "../../lessons",
                                      "../share/loopscope/lessons"};
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
      char p[4096];
      snprintf(p, sizeof p, "%s%s", base, rel[i]);
      char *real = is_dir(p) ? realpath(p, NULL) : NULL;
      if (real) {
        snprintf(buf, cap, "%s", real);
        free(real);
        SDL_free(base);
        return 0;
      }
    }
    SDL_free(base);
  }
#ifdef LS_LESSONS_DIR
  if (is_dir(LS_LESSONS_DIR)) {
    snprintf(buf, cap, "%s", LS_LESSONS_DIR);
    return 0;
  }
#endif
  return -1;
}

/* ---- A tiny reader for lesson{...} ------------------------------------------------------- */

static const char *skip_space(const char *s) {
  for (;;) {
    while (isspace((unsigned char)*s))
      s++;
    if (s[0] == '-' && s[1] == '-') { /* a comment, short or long */
      if (s[2] == '[' && (s[3] == '[' || s[3] == '=')) {
        const char *e = strstr(s, "]]");
        s = e ? e + 2 : s + strlen(s);
      } else {
        while (*s && *s != '\n')
          s++;
      }
      continue;
    }
    return s;
  }
}

/* A Lua string literal at s ("...", '...', [[...]], [=[...]=]): malloc'd, *end after it. */
static char *read_string(const char *s, const char **end) {
  *end = s;
  if (*s == '"' || *s == '\'') {
    char q = *s++;
    size_t cap = 256, n = 0;
    char *out = malloc(cap);
    while (out && *s && *s != q && *s != '\n') {
      char ch = *s++;
      if (ch == '\\' && *s) {
        ch = *s++;
        ch = ch == 'n' ? '\n' : ch == 't' ? '\t' : ch;
      }
      if (n + 2 > cap) {
        char *g = realloc(out, cap *= 2);
        if (!g) {
          free(out);
          return NULL;
        }
        out = g;
      }
      out[n++] = ch;
    }
    if (!out) return NULL;
    out[n] = 0;
    *end = *s == q ? s + 1 : s;
    return out;
  }
  if (*s == '[') {
    int level = 0;
    const char *p = s + 1;
    while (*p == '=')
      p++, level++;
    if (*p != '[') return NULL;
    p++;
    if (*p == '\n') p++; /* Lua drops a newline right after the opening bracket */
    char close[16] = "]";
    for (int i = 0; i < level && i < 12; i++)
      strcat(close, "=");
    strcat(close, "]");
    const char *e = strstr(p, close);
    if (!e) return NULL;
    size_t n = (size_t)(e - p);
    char *out = malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, p, n);
    out[n] = 0;
    *end = e + strlen(close);
    return out;
  }
  return NULL;
}

/* At `name =` inside a table starting at s (depth 1), the value's start; NULL if absent. */
static const char *find_field(const char *s, const char *name) {
  int depth = 0;
  size_t nl = strlen(name);
  const char *p = s;
  while (*p) {
    p = skip_space(p);
    if (!*p) break;
    if (*p == '"' || *p == '\'' || (*p == '[' && (p[1] == '[' || p[1] == '='))) {
      const char *e;
      char *tmp = read_string(p, &e);
      free(tmp);
      p = e > p ? e : p + 1;
      continue;
    }
    if (*p == '{') {
      depth++;
      p++;
      continue;
    }
    if (*p == '}') {
      if (--depth < 0) return NULL;
      p++;
      continue;
    }
    if (depth == 0 && !strncmp(p, name, nl) && !isalnum((unsigned char)p[nl]) && p[nl] != '_' &&
        (p == s || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
      const char *q = skip_space(p + nl);
      if (*q == '=' && q[1] != '=') return skip_space(q + 1);
    }
    p++;
  }
  return NULL;
}

/* A text value: a string (both languages) or { ko = "...", en = "..." }. */
static void read_text(const char *v, char *out[VIEW_LANG__COUNT]) {
  const char *end;
  if (!v) return;
  if (*v == '{') {
    const char *ko = find_field(v + 1, "ko"), *en = find_field(v + 1, "en");
    out[VIEW_LANG_KO] = ko ? read_string(ko, &end) : NULL;
    out[VIEW_LANG_EN] = en ? read_string(en, &end) : NULL;
    if (!out[VIEW_LANG_KO] && out[VIEW_LANG_EN]) out[VIEW_LANG_KO] = strdup(out[VIEW_LANG_EN]);
    if (!out[VIEW_LANG_EN] && out[VIEW_LANG_KO]) out[VIEW_LANG_EN] = strdup(out[VIEW_LANG_KO]);
    return;
  }
  char *s = read_string(v, &end);
  if (s) {
    out[VIEW_LANG_KO] = s;
    out[VIEW_LANG_EN] = strdup(s);
  }
}

void app_lesson_peek(const char *src, char *title[VIEW_LANG__COUNT],
                     char *text[VIEW_LANG__COUNT]) {
  for (int i = 0; i < VIEW_LANG__COUNT; i++)
    title[i] = text[i] = NULL;
  /* The call: `lesson {` or `lesson({`, at the start of a line. */
  const char *p = src;
  while ((p = strstr(p, "lesson"))) {
    bool line_start = p == src || p[-1] == '\n';
    const char *q = skip_space(p + 6);
    if (*q == '(') q = skip_space(q + 1);
    if (line_start && *q == '{') {
      read_text(find_field(q + 1, "title"), title);
      read_text(find_field(q + 1, "text"), text);
      return;
    }
    p += 6;
  }
}

char *app_lesson_peek_id(const char *src) {
  const char *p = src;
  while ((p = strstr(p, "lesson"))) {
    bool line_start = p == src || p[-1] == '\n';
    const char *q = skip_space(p + 6);
    if (*q == '(') q = skip_space(q + 1);
    if (line_start && *q == '{') {
      const char *v = find_field(q + 1, "id"), *end;
      return v ? read_string(v, &end) : NULL;
    }
    p += 6;
  }
  return NULL;
}

/* ---- The folder ---------------------------------------------------------------------------
 */

static int by_name(const void *a, const void *b) {
  return strcmp(((const app_lesson_entry *)a)->file, ((const app_lesson_entry *)b)->file);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(1 << 20); /* a title sits near the top; 1 MiB is plenty */
  size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  if (buf) buf[n] = 0;
  return buf;
}

/* The first sentence (or line) of a text, single spaced. */
static char *first_sentence(const char *t) {
  if (!t) return NULL;
  while (isspace((unsigned char)*t))
    t++;
  size_t n = 0;
  while (t[n] && t[n] != '\n' && n < 300) {
    if (t[n] == '.' && (t[n + 1] == ' ' || t[n + 1] == '\n' || !t[n + 1])) {
      n++;
      break;
    }
    n++;
  }
  char *s = malloc(n + 1);
  if (!s) return NULL;
  memcpy(s, t, n);
  s[n] = 0;
  return s;
}

int app_lessons_scan(app_lessons *l, const char *dir) {
  app_lessons_clear(l);
  snprintf(l->dir, sizeof l->dir, "%s", dir);
  DIR *d = opendir(dir);
  if (!d) return -1;
  size_t cap = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t len = strlen(de->d_name);
    if (len < 5 || strcmp(de->d_name + len - 4, ".lua") || de->d_name[0] == '.') continue;
    char path[4096 + 256];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (l->n == cap) {
      cap = cap ? cap * 2 : 16;
      app_lesson_entry *g = realloc(l->e, cap * sizeof *g);
      if (!g) break;
      l->e = g;
    }
    app_lesson_entry *e = &l->e[l->n];
    memset(e, 0, sizeof *e);
    e->path = strdup(path);
    e->file = strdup(de->d_name);
    if (!e->path || !e->file) {
      free(e->path);
      free(e->file);
      break;
    }
    char *src = slurp(path);
    if (src) {
      char *text[VIEW_LANG__COUNT];
      app_lesson_peek(src, e->title, text);
      e->id = app_lesson_peek_id(src);
      for (int i = 0; i < VIEW_LANG__COUNT; i++) {
        e->line[i] = first_sentence(text[i]);
        free(text[i]);
      }
      free(src);
    }
    l->n++;
  }
  closedir(d);
  qsort(l->e, l->n, sizeof *l->e, by_name);
  return 0;
}

void app_lessons_clear(app_lessons *l) {
  for (size_t i = 0; i < l->n; i++) {
    app_lesson_entry *e = &l->e[i];
    free(e->path);
    free(e->file);
    free(e->id);
    for (int k = 0; k < VIEW_LANG__COUNT; k++) {
      free(e->title[k]);
      free(e->line[k]);
    }
  }
  free(l->e);
  l->e = NULL;
  l->n = 0;
}

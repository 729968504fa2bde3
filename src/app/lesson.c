/* lesson.c -- loads a lesson for the window and `shot`: run it once, headless and instant on
 * the virtual clock, then keep the traces so playback can go anywhere in them. */
#include "lesson.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
    if (n == cap) {
      char *q = cap < (16u << 20) ? realloc(buf, cap * 2) : NULL;
      if (!q) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = q;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf) {
    buf[n < cap ? n : cap - 1] = 0;
    *len = n < cap ? n : cap - 1;
  }
  return buf;
}

static struct timespec mtime_of(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return (struct timespec){0, 0};
  return st.st_mtim;
}

/* The first "NAME:LINE:" naming the lesson file in an error message. */
static int error_line_of(const char *msg, const char *path) {
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  size_t bl = strlen(base);
  for (const char *p = strstr(msg, base); p; p = strstr(p + 1, base)) {
    const char *q = p + bl;
    if (*q != ':') continue;
    char *end;
    long n = strtol(q + 1, &end, 10);
    if (end > q + 1 && *end == ':' && n > 0 && n < 1000000) return (int)n;
  }
  return 0;
}

static int set_error(app_lesson *l, const char *msg) {
  free(l->error);
  l->error = strdup(msg ? msg : "?");
  if (!l->error) return -1;
  l->error_line = error_line_of(l->error, l->path);
  return 0;
}

app_lesson *app_lesson_open(const char *path) {
  app_lesson *l = calloc(1, sizeof *l);
  if (!l || !(l->path = strdup(path))) goto oom;
  l->mtime = mtime_of(path);
  l->vs = view_state_new();
  l->tl = view_timeline_new();
  if (!l->vs || !l->tl) goto oom;
  l->source = read_file(path, &l->source_len);
  if (!l->source) {
    char msg[1200];
    snprintf(msg, sizeof msg, "cannot read %s: %s", path, strerror(errno ? errno : EIO));
    l->status = LX_EUSAGE;
    if (set_error(l, msg)) goto oom;
    return l;
  }
  /* The code panel shows the lesson as Lua reads it: no byte-order mark on line 1. */
  size_t bom = l->source_len >= 3 && !memcmp(l->source, "\xEF\xBB\xBF", 3) ? 3 : 0;
  l->code = view_code_new(l->source + bom, l->source_len - bom);
  if (!l->code) goto oom;
  lx_options o = {.clock = LS_CLOCK_VIRTUAL}; /* output lives in the trace; nothing printed */
  l->rt = lx_new(&o);
  if (!l->rt) goto oom;
  char err[8192];
  int rc = lx_load_file(l->rt, path, err, sizeof err);
  if (rc == LX_OK) rc = lx_run(l->rt, err, sizeof err);
  l->status = rc;
  if (rc != LX_OK && set_error(l, err)) goto oom;
  const lx_lesson *ls = lx_lesson_info(l->rt);
  l->exercise = ls && ls->exercise;
  if (l->exercise && rc == LX_OK) {
    app_check_run(l->rt, 0, &l->check);
  } else if (l->exercise) {
    snprintf(l->check.en, sizeof l->check.en, "✗ the lesson did not run to the end");
    snprintf(l->check.ko, sizeof l->check.ko, "✗ 레슨이 끝까지 실행되지 않았습니다");
  }
  /* Whatever ran was recorded, failed or not: show it. */
  size_t n = lx_run_count(l->rt);
  for (size_t i = 0; i < n; i++) {
    const lx_runinfo *r = lx_run_get(l->rt, i);
    if (view_state_add_run(l->vs, r->name, r->trace) < 0) goto oom;
    if (i < VIEW_TL_MAX_RUNS && view_timeline_add_run(l->tl, r->name, r->trace) < 0) goto oom;
  }
  return l;
oom:
  app_lesson_free(l);
  return NULL;
}

void app_lesson_free(app_lesson *l) {
  if (!l) return;
  view_timeline_free(l->tl);
  view_state_free(l->vs);
  lx_free(l->rt);
  view_code_free(l->code);
  free(l->source);
  free(l->error);
  free(l->path);
  free(l);
}

bool app_lesson_changed(const app_lesson *l) {
  struct timespec t = mtime_of(l->path);
  return t.tv_sec != l->mtime.tv_sec || t.tv_nsec != l->mtime.tv_nsec;
}

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

const char *app_lesson_title(const app_lesson *l, view_lang lang) {
  const lx_lesson *ls = l->rt ? lx_lesson_info(l->rt) : NULL;
  const char *t = ls ? (lang == VIEW_LANG_KO ? ls->title.ko : ls->title.en) : NULL;
  return t && *t ? t : base_name(l->path);
}

const char *app_lesson_text(const app_lesson *l, view_lang lang) {
  const lx_lesson *ls = l->rt ? lx_lesson_info(l->rt) : NULL;
  const char *t = ls ? (lang == VIEW_LANG_KO ? ls->text.ko : ls->text.en) : NULL;
  return t ? t : "";
}

void app_lesson_play_init(const app_lesson *l, view_play *p) {
  view_play_init(p);
  size_t n = view_state_run_count(l->vs);
  p->run = n ? n - 1 : 0;
}

void app_lesson_predict(const app_lesson *l, view_predict *p) {
  memset(p, 0, sizeof *p);
  const lx_lesson *ls = l->rt && l->status == LX_OK ? lx_lesson_info(l->rt) : NULL;
  for (size_t i = 0; ls && i < ls->npredict && p->n < VIEW_PREDICT_MAX; i++) {
    const lx_predict *s = &ls->predict[i];
    view_predict_q *q = &p->q[p->n++];
    q->ask[VIEW_LANG_KO] = s->ask.ko;
    q->ask[VIEW_LANG_EN] = s->ask.en;
    q->why[VIEW_LANG_KO] = s->why.ko;
    q->why[VIEW_LANG_EN] = s->why.en;
    for (size_t j = 0; j < s->nchoices && j < VIEW_PREDICT_CHOICES; j++)
      q->choices[q->nchoices++] = s->choices[j];
    q->answer = s->answer;
    q->at = LS_FROM_SEC(s->at);
  }
  view_predict_start(p);
}

const char *app_lesson_id(const app_lesson *l) {
  const lx_lesson *ls = l->rt ? lx_lesson_info(l->rt) : NULL;
  return ls ? ls->id : NULL;
}

const char *app_lesson_verdict(const app_lesson *l, view_lang lang) {
  if (!l->exercise) return NULL;
  return lang == VIEW_LANG_KO ? l->check.ko : l->check.en;
}

void app_lesson_model(const app_lesson *l, view_lang lang, view_screen_model *m) {
  m->vs = l->vs;
  m->tl = l->tl;
  m->code = l->code;
  m->title = app_lesson_title(l, lang);
  m->file = base_name(l->path);
  m->explain = app_lesson_text(l, lang);
  m->error = l->status != LX_OK ? l->error : NULL;
  m->error_line = l->status != LX_OK ? l->error_line : 0;
  m->lang = lang;
  if (l->exercise) {
    const lx_lesson *ls = lx_lesson_info(l->rt);
    const char *g = ls ? (lang == VIEW_LANG_KO ? ls->goal.ko : ls->goal.en) : NULL;
    m->goal = g ? g : "";
    m->verdict = app_lesson_verdict(l, lang);
    m->verdict_ok = l->check.ok;
  }
}

/* cli.c -- argument parsing: every flag, its value checked, one clear line when wrong. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_usage(void) {
  fputs("usage:\n"
        "  loopscope                         open the lesson browser (window)\n"
        "  loopscope LESSON.lua              open a lesson in the window\n"
        "  loopscope run LESSON.lua [options]\n"
        "      run headless: the lesson's output on stdout, warnings on stderr\n"
        "      --realtime            wall clock instead of the virtual clock\n"
        "      --workdir DIR         the lesson's sandbox folder for aiofiles (default: a\n"
        "                            fresh folder per run, removed when the run ends)\n"
        "      --debug               asyncio debug mode\n"
        "      --trace FILE.json     Chrome Trace Event JSON (opens in Perfetto)\n"
        "      --export FILE.png|FILE.svg|FILE.gif   the timeline picture\n"
        "          --size WxH --scale N --from S --to S --theme light|dark --lang ko|en\n"
        "      --check               compare with the lesson's expect; exit 1 on a mismatch\n"
        "      --max-time S          stop a run after S seconds of clock time (3600)\n"
        "      --max-steps N         stop a run after N loop steps (10000000)\n"
        "  loopscope shot LESSON.lua --at SECONDS --out FILE.png [--size WxH] [--lang ko|en]\n"
        "                [--theme light|dark]\n"
        "  loopscope --version | --help\n"
        "exit status: 0 success, 1 the lesson failed, 2 bad usage or unreadable file\n",
        stdout);
}

int cli_needs_ui(const cli *c) {
  return c->cmd == CMD_WINDOW || c->cmd == CMD_SHOT || (c->cmd == CMD_RUN && c->export_out);
}

static int need(int i, int argc, char **argv, char *err, int errlen) {
  if (i + 1 >= argc) {
    snprintf(err, (size_t)errlen, "%s needs a value", argv[i]);
    return 0;
  }
  return 1;
}

static int num(const char *s, double *out) {
  char *end;
  double v = strtod(s, &end);
  if (end == s || *end || v != v) return 0;
  *out = v;
  return 1;
}

int cli_parse(cli *c, int argc, char **argv, char *err, int errlen) {
  memset(c, 0, sizeof *c);
  c->width = 1600;
  c->height = 900;
  c->scale = 1;
  c->from = c->to = c->at = -1;
  c->theme = "light";
  c->lang = "ko";
  int i = 1;
  if (argc > 1) {
    if (!strcmp(argv[1], "run")) {
      c->cmd = CMD_RUN;
      i = 2;
    } else if (!strcmp(argv[1], "shot")) {
      c->cmd = CMD_SHOT;
      c->width = 1280;
      c->height = 720;
      i = 2;
    } else if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
      c->cmd = CMD_VERSION;
      return 0;
    } else if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
      c->cmd = CMD_HELP;
      return 0;
    }
  }
  for (; i < argc; i++) {
    const char *a = argv[i];
    double v;
    if (!strcmp(a, "--realtime")) {
      c->realtime = 1;
    } else if (!strcmp(a, "--debug")) {
      c->debug = 1;
    } else if (!strcmp(a, "--check")) {
      c->check = 1;
    } else if (!strcmp(a, "--trace") || !strcmp(a, "--export") || !strcmp(a, "--out")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      const char **slot = a[2] == 't' ? &c->trace_out : a[2] == 'e' ? &c->export_out : &c->shot_out;
      *slot = argv[++i];
    } else if (!strcmp(a, "--workdir")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      c->workdir = argv[++i];
    } else if (!strcmp(a, "--size")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      int w, h;
      char x;
      if (sscanf(argv[++i], "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 64 ||
          h < 64 || w > 16384 || h > 16384) {
        snprintf(err, (size_t)errlen, "--size wants WxH between 64x64 and 16384x16384, got '%s'",
                 argv[i]);
        return 2;
      }
      c->width = w;
      c->height = h;
    } else if (!strcmp(a, "--scale")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      if (!num(argv[++i], &v) || v < 1 || v > 4 || v != (int)v) {
        snprintf(err, (size_t)errlen, "--scale wants 1, 2, 3 or 4, got '%s'", argv[i]);
        return 2;
      }
      c->scale = (int)v;
    } else if (!strcmp(a, "--from") || !strcmp(a, "--to") || !strcmp(a, "--at") ||
               !strcmp(a, "--max-time")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      if (!num(argv[++i], &v) || v < 0) {
        snprintf(err, (size_t)errlen, "%s wants a number of seconds, got '%s'", a, argv[i]);
        return 2;
      }
      if (a[2] == 'f')
        c->from = v;
      else if (a[2] == 't')
        c->to = v;
      else if (a[2] == 'a')
        c->at = v;
      else
        c->max_time = v;
    } else if (!strcmp(a, "--max-steps")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      if (!num(argv[++i], &v) || v < 1 || v > 1e12) {
        snprintf(err, (size_t)errlen, "--max-steps wants a positive count, got '%s'", argv[i]);
        return 2;
      }
      c->max_steps = (unsigned long)v;
    } else if (!strcmp(a, "--theme")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      c->theme = argv[++i];
      if (strcmp(c->theme, "light") && strcmp(c->theme, "dark")) {
        snprintf(err, (size_t)errlen, "--theme wants light or dark, got '%s'", c->theme);
        return 2;
      }
    } else if (!strcmp(a, "--lang")) {
      if (!need(i, argc, argv, err, errlen)) return 2;
      c->lang = argv[++i];
      if (strcmp(c->lang, "ko") && strcmp(c->lang, "en")) {
        snprintf(err, (size_t)errlen, "--lang wants ko or en, got '%s'", c->lang);
        return 2;
      }
    } else if (a[0] == '-' && a[1]) {
      snprintf(err, (size_t)errlen, "unknown option '%s' (see loopscope --help)", a);
      return 2;
    } else if (!c->file) {
      c->file = a;
    } else {
      snprintf(err, (size_t)errlen, "one lesson file at a time ('%s' and '%s')", c->file, a);
      return 2;
    }
  }
  if ((c->cmd == CMD_RUN || c->cmd == CMD_SHOT) && !c->file) {
    snprintf(err, (size_t)errlen, "%s needs a lesson file", c->cmd == CMD_RUN ? "run" : "shot");
    return 2;
  }
  if (c->from >= 0 && c->to >= 0 && c->to <= c->from) {
    snprintf(err, (size_t)errlen, "--to must be after --from");
    return 2;
  }
  return 0;
}

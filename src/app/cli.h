/* cli.h -- the command line of SPEC section 6, parsed into one struct. */
#ifndef APP_CLI_H
#define APP_CLI_H

typedef enum { CMD_WINDOW = 0, CMD_RUN, CMD_SHOT, CMD_VERSION, CMD_HELP } cli_cmd;

typedef struct cli {
  cli_cmd cmd;
  const char *file;
  int realtime, debug, check;
  const char *trace_out, *export_out, *shot_out;
  const char *workdir; /* --workdir: the lesson's sandbox folder (NULL: a per-run one) */
  int width, height, scale;
  double from, to, at;
  const char *theme, *lang;
  double max_time;
  unsigned long max_steps;
} cli;

/* 0 on success; otherwise writes one clear line into err and returns 2. */
int cli_parse(cli *c, int argc, char **argv, char *err, int errlen);
void cli_usage(void);
/* 1 when the command draws (the window, `shot`, run --export): only loopscope-ui links SDL. */
int cli_needs_ui(const cli *c);

#endif

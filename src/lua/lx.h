/* lx.h -- the lesson language: runs a Lua lesson on the engine, records one trace per loop. */
#ifndef LX_H
#define LX_H

#include <stddef.h>

#include "clock.h"
#include "trace.h"

typedef void (*lx_write_fn)(void *ud, const char *s, size_t n);

typedef struct lx_options {
  ls_clock_mode clock; /* virtual (default) or real */
  int debug;           /* asyncio debug mode for every loop */
  size_t mem_limit;    /* bytes of Lua memory; 0: 512 MiB */
  long step_budget;    /* Lua instructions a step may run without awaiting; 0: 200 M */
  double max_time;     /* seconds of clock time a loop may run (virtual clock); 0: 3600 */
  unsigned long max_handles; /* ready-queue entries a loop may run; 0: 10 M */
  lx_write_fn out;     /* what print() writes (stdout); NULL: discard */
  lx_write_fn err;     /* warnings, logging, headers (stderr); NULL: discard */
  void *ud;            /* passed to out and err */
  const char *workdir; /* the lesson's sandbox folder for aiofiles (NULL: none yet) */
} lx_options;

/* Exit-status classes of a load or run. */
enum { LX_OK = 0, LX_EFAIL = 1, LX_EUSAGE = 2 };

typedef struct lx_text {
  char *ko, *en;
} lx_text;

/* One predict question: asked before the run, revealed when the clock reaches `at`. */
#define LX_PREDICT_CHOICES 4
typedef struct lx_predict {
  lx_text ask, why;
  char *choices[LX_PREDICT_CHOICES]; /* nchoices of them, 2..4 */
  size_t nchoices;
  int answer; /* 1-based index into choices */
  double at;  /* seconds */
} lx_predict;

/* What a lesson says about itself with lesson{...}. Strings are owned by the runtime. */
typedef struct lx_lesson {
  char *id;
  lx_text title, text;
  char **compare; /* entry names */
  size_t ncompare;
  char **expect_output; /* expected printed lines */
  size_t nexpect_output;
  int has_expect_output;
  double expect_total; /* seconds, when has_expect_total */
  int has_expect_total;
  lx_predict *predict; /* the questions, in order */
  size_t npredict;
  int exercise; /* exercise = true */
  lx_text goal;
} lx_lesson;

typedef struct lx_run {
  const char *name;     /* "main", a compare entry, or "loop N" */
  const ls_trace *trace;
  double total;         /* seconds of clock time from loop start to its end */
  int status;           /* 0, or a negative LS_E* code the loop ended with */
} lx_runinfo;

typedef struct lx_rt lx_rt;

lx_rt *lx_new(const lx_options *opt); /* NULL when out of memory */
void lx_free(lx_rt *rt);

/* Reads and compiles a lesson. LX_EUSAGE: unreadable; LX_EFAIL: syntax error. The message
 * ("file:line: message") goes to err. */
int lx_load_file(lx_rt *rt, const char *path, char *err, size_t errlen);
int lx_load_string(lx_rt *rt, const char *name, const char *src, size_t len, char *err,
                   size_t errlen);
/* Runs the loaded lesson: its top level, then `main` or each `compare` entry.
 * LX_EFAIL with a traceback in err (file:line, task) when the lesson failed. */
int lx_run(lx_rt *rt, char *err, size_t errlen);

const lx_lesson *lx_lesson_info(const lx_rt *rt); /* NULL before lesson{} ran */
size_t lx_run_count(const lx_rt *rt);
const lx_runinfo *lx_run_get(const lx_rt *rt, size_t i);
/* Every printed line, in order, across runs (for --check). */
size_t lx_output_count(const lx_rt *rt);
const char *lx_output_line(const lx_rt *rt, size_t i);
const char *lx_source(const lx_rt *rt, size_t *len); /* the lesson's text */

#endif

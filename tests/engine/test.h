/* test.h -- assertions, the scripted C task and the loop fixture shared by the engine tests. */
#ifndef LS_TEST_H
#define LS_TEST_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "loop.h"

/* ---- tests and assertions ---- */

#define TEST(name) void test_##name(void)

/* Prints "file:line: what" and aborts: each test runs in its own process. */
_Noreturn void test_fail(const char *file, int line, const char *fmt, ...);

#define ASSERT_CMP_(a, op, b)                                                                  \
  do {                                                                                         \
    int64_t a_ = (int64_t)(a), b_ = (int64_t)(b);                                              \
    if (!(a_ op b_))                                                                           \
      test_fail(__FILE__, __LINE__, "expected %s %s %s, got %lld vs %lld", #a, #op, #b,        \
                (long long)a_, (long long)b_);                                                 \
  } while (0)

#define ASSERT_EQ(a, b) ASSERT_CMP_(a, ==, b)
#define ASSERT_NE(a, b) ASSERT_CMP_(a, !=, b)
#define ASSERT_LT(a, b) ASSERT_CMP_(a, <, b)
#define ASSERT_LE(a, b) ASSERT_CMP_(a, <=, b)
#define ASSERT_GT(a, b) ASSERT_CMP_(a, >, b)
#define ASSERT_GE(a, b) ASSERT_CMP_(a, >=, b)
#define ASSERT(c)                                                                              \
  do {                                                                                         \
    if (!(c)) test_fail(__FILE__, __LINE__, "expected %s", #c);                                \
  } while (0)

#define ASSERT_U64_EQ(a, b)                                                                    \
  do {                                                                                         \
    uint64_t a_ = (a), b_ = (b);                                                               \
    if (a_ != b_)                                                                              \
      test_fail(__FILE__, __LINE__, "expected %s == %s, got %#llx vs %#llx", #a, #b,           \
                (unsigned long long)a_, (unsigned long long)b_);                               \
  } while (0)

#define ASSERT_PTR_EQ(a, b)                                                                    \
  do {                                                                                         \
    const void *a_ = (a), *b_ = (b);                                                           \
    if (a_ != b_)                                                                              \
      test_fail(__FILE__, __LINE__, "expected %s == %s, got %p vs %p", #a, #b, a_, b_);        \
  } while (0)

#define ASSERT_STR_EQ(a, b)                                                                    \
  do {                                                                                         \
    const char *a_ = (a), *b_ = (b);                                                           \
    if (strcmp(a_, b_) != 0)                                                                   \
      test_fail(__FILE__, __LINE__, "expected %s == %s, got\n  \"%s\"\nvs\n  \"%s\"", #a, #b,  \
                a_, b_);                                                                       \
  } while (0)

/* ---- the fixture: a loop on a virtual clock, its trace and a log of words ---- */

#define SEC(s) ((ls_time)((s)*LS_SEC))
#define MS(ms) ((ls_time)(ms)*1000000)

typedef struct slow_report {
  ls_id task;
  ls_time took;
} slow_report;

typedef struct env {
  ls_clock clock;
  ls_trace *trace;
  ls_loop *loop;
  ls_loop_config cfg; /* filled by env_init; tests may change it before env_start */
  char log[8192];     /* words separated by single spaces */
  size_t loglen;
  slow_report slow[16]; /* what the slow hook saw */
  int nslow;
} env;

void env_init(env *e);  /* clock, trace and a default config; no loop yet */
void env_start(env *e); /* makes the loop from e->cfg */
void env_open(env *e);  /* env_init + env_start */
void env_close(env *e);
/* Appends one word to the log (printf style). */
void env_log(env *e, const char *fmt, ...);
/* A call_soon / call_later callback that logs the string `ud` points at. */
void log_cb(ls_loop *l, void *ud, uint64_t arg, ls_id fut);
/* Schedules log_cb(word) with call_soon and checks it was accepted. */
void soon_log(env *e, const char *word);

/* ---- scripted tasks: the C stand-in for a coroutine ---- */

typedef enum { OP_YIELD, OP_SLEEP, OP_AWAIT, OP_RETURN, OP_RAISE } op_kind;

typedef struct op {
  op_kind kind;
  ls_time delay; /* OP_SLEEP */
  ls_id fut;     /* OP_AWAIT */
} op;

#define YIELD                                                                                  \
  { OP_YIELD, 0, 0 }
#define SLEEP(d)                                                                               \
  { OP_SLEEP, (d), 0 }
#define AWAIT(f)                                                                               \
  { OP_AWAIT, 0, (f) }
#define RETURN                                                                                 \
  { OP_RETURN, 0, 0 }
#define RAISE                                                                                  \
  { OP_RAISE, 0, 0 }

#define MAX_OPS 16
#define MAX_STEPS 64

typedef struct script script;
/* Runs at the start of step n (0-based), after the step was logged. */
typedef void (*step_hook)(script *s, ls_loop *l, int n);

/* One step per op. A step entered with LS_RESUME_CANCEL ends the task cancelled (a
 * cancelled awaited future must arrive that way); a step woken after awaiting a future
 * that failed ends it failed, as `await` raising would. Past the last op the task
 * returns, unless `forever`. */
struct script {
  env *e;
  const char *name; /* log tag: step n logs "<name><n>", with "!" when told to cancel */
  op ops[MAX_OPS];
  int nops, pc;
  int forever; /* restart the ops at the end instead of returning */
  int quiet;   /* do not log steps */
  step_hook hook;
  void *hook_ud;
  ls_id id;       /* the task, once script_spawn made it */
  ls_id awaiting; /* the future of the last OP_AWAIT, until the wake-up */
  int nsteps;
  ls_resume how[MAX_STEPS]; /* how each step was entered */
  ls_time at[MAX_STEPS];    /* loop time at each step */
  ls_id current[MAX_STEPS]; /* loop_current_task() inside each step */
  ls_id waiting[MAX_STEPS]; /* task_waiting_on() inside each step */
};

void script_init(script *s, env *e, const char *name, const op *ops, int nops);
#define SCRIPT(s, e, name, ...)                                                                \
  script_init((s), (e), (name), (const op[]){__VA_ARGS__},                                     \
              (int)(sizeof((const op[]){__VA_ARGS__}) / sizeof(op)))
/* Makes the task (named `name` in the trace) and stores its id in s->id. */
ls_id script_spawn(script *s);
/* The step function every fixture loop uses. */
void script_step(ls_loop *l, ls_id task, void *task_ud, ls_resume how, ls_step_out *out);

/* Runs one iteration with `mode` and checks it returned 0. */
void run_iter(env *e, ls_run_mode mode);
/* Counts records of `kind` in the trace. */
size_t count_kind(const ls_trace *tr, ls_event_kind kind);
/* The last record of `kind`, or NULL. */
const ls_trace_rec *last_kind(const ls_trace *tr, ls_event_kind kind);

#endif

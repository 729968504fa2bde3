/* lx_fixture.h -- what the runtime's C tests share: checks that print both sides, and a
 * runner that loads a lesson from a string with output captured. */
#ifndef LX_FIXTURE_H
#define LX_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx.h"

static int failures;

#define CHECK(cond)                                                                           \
  do {                                                                                         \
    if (!(cond)) {                                                                             \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);                 \
      failures++;                                                                              \
    }                                                                                          \
  } while (0)
#define CHECK_CONTAINS(hay, needle)                                                           \
  do {                                                                                         \
    if (!strstr((hay), (needle))) {                                                            \
      fprintf(stderr, "%s:%d: expected to find \"%s\" in:\n%s\n", __FILE__, __LINE__, needle, \
              hay);                                                                            \
      failures++;                                                                              \
    }                                                                                          \
  } while (0)
#define CHECK_EQ_D(a, b)                                                                      \
  do {                                                                                         \
    double a_ = (a), b_ = (b);                                                                 \
    if (a_ - b_ > 1e-9 || b_ - a_ > 1e-9) {                                                    \
      fprintf(stderr, "%s:%d: %s == %g, expected %g\n", __FILE__, __LINE__, #a, a_, b_);       \
      failures++;                                                                              \
    }                                                                                          \
  } while (0)

/* What a lesson printed (out) and warned (err), truncated at 64 KiB each. */
typedef struct cap {
  char out[65536], err[65536];
  size_t nout, nerr;
} cap;

static inline void cap_put(char *buf, size_t *n, const char *s, size_t len) {
  if (*n + len >= 65535) len = 65535 - *n;
  memcpy(buf + *n, s, len);
  *n += len;
  buf[*n] = '\0';
}
static inline void cap_out(void *ud, const char *s, size_t n) {
  cap *c = ud;
  cap_put(c->out, &c->nout, s, n);
}
static inline void cap_err(void *ud, const char *s, size_t n) {
  cap *c = ud;
  cap_put(c->err, &c->nerr, s, n);
}

/* Loads src as "t.lua" and runs it with o (or defaults when o is NULL); returns lx_run's
 * status, fills c and msg, and keeps the runtime in *keep when keep is given. */
static inline int fixture_run(const char *src, cap *c, char *msg, size_t msglen, lx_options *o,
                              lx_options defaults, lx_rt **keep) {
  if (!o) o = &defaults;
  o->out = cap_out;
  o->err = cap_err;
  o->ud = c;
  memset(c, 0, sizeof *c);
  msg[0] = '\0';
  lx_rt *rt = lx_new(o);
  if (!rt) return -1;
  int rc = lx_load_string(rt, "t.lua", src, strlen(src), msg, msglen);
  if (rc == LX_OK) rc = lx_run(rt, msg, msglen);
  if (keep)
    *keep = rt;
  else
    lx_free(rt);
  return rc;
}

#endif

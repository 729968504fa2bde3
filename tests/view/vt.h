/* vt.h -- the view tests' harness: checks that print both values, and the shared fixtures. */
#ifndef LS_VT_H
#define LS_VT_H

#include <stdio.h>

#include "draw.h"
#include "draw_fonts.h"
#include "draw_sdl.h"
#include "trace.h"
#include "view_timeline.h"

/* Each check prints where and what on failure and makes the test return 1. */
#define VT_CHECK(cond)                                                                         \
  do {                                                                                         \
    if (!(cond)) {                                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                 \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

#define VT_EQ(a, b)                                                                            \
  do {                                                                                         \
    long long va_ = (long long)(a), vb_ = (long long)(b);                                      \
    if (va_ != vb_) {                                                                          \
      fprintf(stderr, "%s:%d: %s == %s: %lld != %lld\n", __FILE__, __LINE__, #a, #b, va_,      \
              vb_);                                                                            \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

/* A pixel within tol of a colour, in every channel. */
#define VT_COLOR(got, want, tol)                                                               \
  do {                                                                                         \
    draw_color g_ = (got), w_ = (want);                                                        \
    if (draw_color_dist(g_, w_) > (tol)) {                                                     \
      fprintf(stderr, "%s:%d: %s: got #%08x, want #%08x (tolerance %d)\n", __FILE__, __LINE__, \
              #got, (unsigned)g_, (unsigned)w_, (int)(tol));                                   \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

#define VT_NOT_COLOR(got, want, tol)                                                           \
  do {                                                                                         \
    draw_color g_ = (got), w_ = (want);                                                        \
    if (draw_color_dist(g_, w_) <= (tol)) {                                                    \
      fprintf(stderr, "%s:%d: %s: got #%08x, which it must not be\n", __FILE__, __LINE__,      \
              #got, (unsigned)g_);                                                             \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

/* Flat fills are exact; this leaves room only for rounding in blending. */
#define VT_FILL_TOL 2

#define VT_TEST(name) int vt_##name(void);
#include "vt_list.h"
#undef VT_TEST

/* Fixtures (vt_fixture.c). */
draw_fonts *vt_fonts(void); /* opened once by the runner */
/* The seed lesson's two runs, by hand: sync (one task, three time.sleep calls: 2 s, 3 s,
   1 s; 6 s) and async (main gathers Task-2/3/4 sleeping 2 s, 3 s, 1 s; 3 s). */
ls_trace *vt_trace_sync(void);
ls_trace *vt_trace_async(void);
/* Appends one record; t in seconds. */
void vt_rec(ls_trace *tr, double t, int kind, int sub, ls_id task, ls_id obj, int line,
            int64_t arg);
int64_t vt_str(ls_trace *tr, const char *s);
/* How many pixels in r differ from c by more than tol. */
int vt_ink(draw_canvas *cv, draw_rect r, draw_color c, int tol);
/* How many pixels vt_ink looks at for r. */
int vt_area(draw_rect r);

#endif

/* vt_fixture.c -- the hand-made traces of the seed lesson (sync vs async) and pixel helpers. */
#include <string.h>

#include "vt.h"

void vt_rec(ls_trace *tr, double t, int kind, int sub, ls_id task, ls_id obj, int line,
            int64_t arg) {
  ls_trace_rec r = {.t = LS_FROM_SEC(t),
                    .kind = (uint8_t)kind,
                    .sub = (uint8_t)sub,
                    .task = task,
                    .obj = obj,
                    .line = line,
                    .arg = arg};
  trace_add(tr, &r);
}

int64_t vt_str(ls_trace *tr, const char *s) {
  return trace_intern(tr, s, strlen(s));
}

/* def main(): for s in (2, 3, 1): time.sleep(s); print(...) -- one task, the loop held. */
ls_trace *vt_trace_sync(void) {
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, 0, vt_str(tr, "sync"));
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 1, 0, 3, vt_str(tr, "main"));
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 1, 0, 0, 0);
  vt_rec(tr, 0, LS_EV_STEP, 0, 1, 0, 3, 0);
  double at = 0;
  static const double secs[3] = {2, 3, 1};
  static const char *const said[3] = {"coffee ready", "toast ready", "eggs ready"};
  for (int i = 0; i < 3; i++) {
    vt_rec(tr, at, LS_EV_BLOCK, 0, 1, 0, 5, LS_FROM_SEC(at + secs[i]));
    at += secs[i];
    vt_rec(tr, at, LS_EV_PRINT, 0, 1, 0, 6, vt_str(tr, said[i]));
  }
  vt_rec(tr, 6, LS_EV_TASK_DONE, LS_OUT_RESULT, 1, 0, 7, 0);
  vt_rec(tr, 6, LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  return tr;
}

/* async def main(): await asyncio.gather(job(2), job(3), job(1)) -- steps take no clock time.
 */
ls_trace *vt_trace_async(void) {
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, 0, vt_str(tr, "async"));
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 1, 0, 10, vt_str(tr, "main"));
  vt_rec(tr, 0, LS_EV_STEP, 0, 1, 0, 10, 0);
  static const char *const names[3] = {"Task-2", "Task-3", "Task-4"};
  static const double secs[3] = {2, 3, 1};
  for (int i = 0; i < 3; i++)
    vt_rec(tr, 0, LS_EV_TASK_NEW, 0, (ls_id)(2 + i), 1, 11, vt_str(tr, names[i]));
  vt_rec(tr, 0, LS_EV_FUT_NEW, 0, 1, 5, 11, 0);
  vt_rec(tr, 0, LS_EV_SUSPEND, LS_WAIT_GATHER, 1, 5, 11, 0);
  for (int i = 0; i < 3; i++) {
    ls_id id = (ls_id)(2 + i);
    vt_rec(tr, 0, LS_EV_STEP, 0, id, 0, 4, 0);
    vt_rec(tr, 0, LS_EV_TIMER_ARM, 0, id, (ls_id)(6 + i), 5, LS_FROM_SEC(secs[i]));
    vt_rec(tr, 0, LS_EV_SUSPEND, LS_WAIT_SLEEP, id, (ls_id)(6 + i), 5, LS_FROM_SEC(secs[i]));
  }
  /* Wake-ups in time order: Task-4 at 1 s, Task-2 at 2 s, Task-3 at 3 s. */
  static const int order[3] = {2, 0, 1};
  for (int j = 0; j < 3; j++) {
    int i = order[j];
    ls_id id = (ls_id)(2 + i);
    vt_rec(tr, secs[i], LS_EV_TIMER_FIRE, 0, id, (ls_id)(6 + i), 5, 0);
    vt_rec(tr, secs[i], LS_EV_STEP, 0, id, 0, 5, 0);
    vt_rec(tr, secs[i], LS_EV_PRINT, 0, id, 0, 6, vt_str(tr, "done"));
    vt_rec(tr, secs[i], LS_EV_TASK_DONE, LS_OUT_RESULT, id, 0, 6, 0);
  }
  vt_rec(tr, 3, LS_EV_FUT_DONE, LS_OUT_RESULT, 1, 5, 11, 0);
  vt_rec(tr, 3, LS_EV_STEP, 0, 1, 0, 11, 0);
  vt_rec(tr, 3, LS_EV_TASK_DONE, LS_OUT_RESULT, 1, 0, 12, 0);
  vt_rec(tr, 3, LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  return tr;
}

int vt_ink(draw_canvas *cv, draw_rect r, draw_color c, int tol) {
  int n = 0;
  for (int y = (int)r.y; y < (int)(r.y + r.h); y++)
    for (int x = (int)r.x; x < (int)(r.x + r.w); x++)
      if (draw_color_dist(draw_canvas_pixel(cv, x, y), c) > tol) n++;
  return n;
}

int vt_area(draw_rect r) {
  return ((int)(r.x + r.w) - (int)r.x) * ((int)(r.y + r.h) - (int)r.y);
}

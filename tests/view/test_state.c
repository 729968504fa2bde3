/* test_state.c -- the loop's state at any record, from lesson 1's recorded traces: ready queue,
 * task cards, futures, timers, console; time travel; playback pacing; speed at 1,000 tasks. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "loop.h"
#include "view_state.h"
#include "vt.h"
#include "vt_lesson.h"

#define S(x) LS_FROM_SEC(x)

typedef struct fixture {
  ls_trace *sync, *async;
  view_state *vs;
  view_snap s;
} fixture;

static int open_l1(fixture *f) {
  memset(f, 0, sizeof *f);
  f->sync = vt_l1_sync();
  f->async = vt_l1_async();
  f->vs = view_state_new();
  if (!f->sync || !f->async || !f->vs) return 1;
  if (view_state_add_run(f->vs, NULL, f->sync) != 0) return 1;
  if (view_state_add_run(f->vs, NULL, f->async) != 1) return 1;
  return 0;
}

static void close_l1(fixture *f) {
  view_snap_free(&f->s);
  view_state_free(f->vs);
  trace_free(f->sync);
  trace_free(f->async);
}

/* The first record index (+1: records applied) of a kind for a task after `from`. */
static size_t after(const ls_trace *tr, size_t from, int kind, ls_id task) {
  for (size_t i = from; i < trace_count(tr); i++) {
    const ls_trace_rec *e = trace_get(tr, i);
    if (e->kind == kind && (task == 0 || e->task == task)) return i + 1;
  }
  return 0;
}

static const view_st_task *task_named(const view_snap *s, const char *name) {
  for (size_t i = 0; i < s->ntasks; i++)
    if (!strcmp(s->tasks[i].name, name)) return &s->tasks[i];
  return NULL;
}

int vt_state_queue(void) {
  fixture f;
  VT_CHECK(open_l1(&f) == 0);
  VT_CHECK(!strcmp(view_state_run_name(f.vs, 0), "sync_main"));
  VT_CHECK(!strcmp(view_state_run_name(f.vs, 1), "async_main"));
  VT_EQ(view_state_end(f.vs), S(6));
  VT_EQ(view_state_run_end(f.vs, 1), S(3));
  /* async_main's first step makes three tasks: they queue up in order, behind nothing. */
  size_t at = after(f.async, 0, LS_EV_SUSPEND, 1); /* main suspends on the gather */
  VT_CHECK(at > 0);
  VT_EQ(view_state_at(f.vs, 1, at, 0, &f.s), 0);
  VT_EQ(f.s.nqueue, 3);
  static const char *const q[3] = {"Task-2", "Task-3", "Task-4"};
  for (size_t i = 0; i < 3; i++) {
    VT_EQ(f.s.queue[i].kind, LS_H_STEP);
    VT_CHECK(!strcmp(view_state_task_name(f.vs, 1, f.s.queue[i].task), q[i]));
  }
  /* Each STEP pops the front. */
  at = after(f.async, at, LS_EV_STEP, 0);
  VT_EQ(view_state_at(f.vs, 1, at, 0, &f.s), 0);
  VT_EQ(f.s.nqueue, 2);
  VT_CHECK(!strcmp(view_state_task_name(f.vs, 1, f.s.queue[0].task), "Task-3"));
  VT_CHECK(!strcmp(view_state_task_name(f.vs, 1, f.s.running), "Task-2"));
  /* At 1 s the first timer comes due: a timer entry, then its firing pops it, then the
     sleeper's wake-up joins. */
  at = view_state_count_at(f.vs, 1, 0);
  VT_EQ(view_state_at(f.vs, 1, at, S(0.5), &f.s), 0);
  VT_EQ(f.s.nqueue, 0);
  VT_EQ(f.s.t, S(0.5));
  size_t sched = after(f.async, at, LS_EV_SCHED, 0);
  VT_EQ(view_state_at(f.vs, 1, sched, S(1), &f.s), 0);
  VT_EQ(f.s.nqueue, 1);
  VT_EQ(f.s.queue[0].kind, LS_H_TIMER);
  size_t fire = after(f.async, sched, LS_EV_TIMER_FIRE, 0);
  VT_EQ(view_state_at(f.vs, 1, fire, S(1), &f.s), 0);
  VT_EQ(f.s.nqueue, 0);
  size_t wake = after(f.async, fire, LS_EV_SCHED, 0);
  VT_EQ(view_state_at(f.vs, 1, wake, S(1), &f.s), 0);
  VT_EQ(f.s.nqueue, 1);
  VT_EQ(f.s.queue[0].kind, LS_H_WAKEUP);
  VT_CHECK(!strcmp(view_state_task_name(f.vs, 1, f.s.queue[0].task), "Task-4"));
  VT_EQ(task_named(&f.s, "Task-4")->state, VIEW_TS_READY);
  /* A gather's done callback is a labelled callback entry. */
  size_t cb = after(f.async, wake, LS_EV_SCHED, 0);
  VT_EQ(view_state_at(f.vs, 1, cb, S(1), &f.s), 0);
  VT_EQ(f.s.nqueue, 1);
  VT_EQ(f.s.queue[0].kind, LS_H_CALLBACK);
  VT_CHECK(strstr(f.s.queue[0].label, "gather") != NULL);
  /* At the end the queue is empty and the loop has ended. */
  VT_EQ(view_state_at(f.vs, 1, (size_t)-1, S(3), &f.s), 0);
  VT_EQ(f.s.at, trace_count(f.async));
  VT_EQ(f.s.nqueue, 0);
  VT_CHECK(f.s.ended);
  VT_EQ(f.s.status, 0);
  close_l1(&f);
  return 0;
}

int vt_state_tasks(void) {
  fixture f;
  VT_CHECK(open_l1(&f) == 0);
  char b[128];
  /* Before anything: no tasks. After the first TASK_NEW: main, pending. */
  VT_EQ(view_state_at(f.vs, 1, 0, 0, &f.s), 0);
  VT_EQ(f.s.ntasks, 0);
  VT_CHECK(f.s.last == NULL);
  size_t at = after(f.async, 0, LS_EV_TASK_NEW, 0);
  VT_EQ(view_state_at(f.vs, 1, at, 0, &f.s), 0);
  VT_EQ(f.s.ntasks, 1);
  VT_EQ(f.s.tasks[0].state, VIEW_TS_PENDING);
  VT_CHECK(!strcmp(f.s.tasks[0].name, "Task-1"));
  /* At 0.5 s: main waits on the gather, the three children sleep until 2, 3 and 1 s. */
  VT_EQ(view_state_at(f.vs, 1, view_state_count_at(f.vs, 1, S(0.5)), S(0.5), &f.s), 0);
  VT_EQ(f.s.ntasks, 4);
  VT_EQ(f.s.running, 0);
  const view_st_task *m = task_named(&f.s, "Task-1");
  VT_EQ(m->state, VIEW_TS_WAITING);
  VT_EQ(m->wait, LS_WAIT_GATHER);
  VT_EQ(m->line, 77);
  view_snap_wait_text(&f.s, m, VIEW_LANG_EN, b, sizeof b);
  VT_CHECK(!strcmp(b, "gather #2"));
  static const char *const kids[3] = {"Task-2", "Task-3", "Task-4"};
  static const double wake[3] = {2, 3, 1};
  static const char *const said[3] = {"sleep until 2 s", "sleep until 3 s", "sleep until 1 s"};
  for (int i = 0; i < 3; i++) {
    const view_st_task *k = task_named(&f.s, kids[i]);
    VT_CHECK(k != NULL);
    VT_EQ(k->state, VIEW_TS_WAITING);
    VT_EQ(k->wait, LS_WAIT_SLEEP);
    VT_EQ(k->until, S(wake[i]));
    VT_EQ(k->line, 71);
    VT_EQ(k->parent, 1);
    view_snap_wait_text(&f.s, k, VIEW_LANG_EN, b, sizeof b);
    VT_CHECK(!strcmp(b, said[i]));
  }
  view_snap_wait_text(&f.s, task_named(&f.s, "Task-4"), VIEW_LANG_KO, b, sizeof b);
  VT_CHECK(!strcmp(b, "1 s까지 sleep"));
  /* The gather future is pending and main waits on it. */
  VT_EQ(f.s.nfutures, 1);
  VT_EQ(f.s.futures[0].kind, LS_FK_GATHER);
  VT_EQ(f.s.futures[0].outcome, 0);
  VT_EQ(f.s.futures[0].nwaiters, 1);
  VT_EQ(f.s.futures[0].waiter[0], 1);
  /* Timers by deadline: Task-4's (1 s), Task-2's (2 s), Task-3's (3 s). */
  VT_EQ(f.s.ntimers, 3);
  for (int i = 0; i < 3; i++) {
    static const char *const by[3] = {"Task-4", "Task-2", "Task-3"};
    VT_EQ(f.s.timers[i].when, S(i + 1));
    VT_CHECK(!strcmp(view_state_task_name(f.vs, 1, f.s.timers[i].task), by[i]));
  }
  VT_EQ(f.s.nconsole, 3);
  /* At 1.5 s: Task-4 is done, its timer gone; two timers left. */
  VT_EQ(view_state_at(f.vs, 1, view_state_count_at(f.vs, 1, S(1.5)), S(1.5), &f.s), 0);
  VT_EQ(task_named(&f.s, "Task-4")->state, VIEW_TS_DONE);
  VT_EQ(f.s.ntimers, 2);
  VT_EQ(f.s.nconsole, 4);
  view_st_line l = view_state_console(f.vs, 1, 3);
  VT_EQ(l.t, S(1));
  VT_CHECK(!strcmp(l.text, "Task 3 작업 완료"));
  VT_CHECK(!strcmp(view_state_task_name(f.vs, 1, l.task), "Task-4"));
  /* The end: every task done, the gather resolved, nobody waiting. */
  VT_EQ(view_state_at(f.vs, 1, trace_count(f.async), S(3), &f.s), 0);
  for (size_t i = 0; i < f.s.ntasks; i++)
    VT_EQ(f.s.tasks[i].state, VIEW_TS_DONE);
  VT_EQ(f.s.futures[0].outcome, LS_OUT_RESULT);
  VT_EQ(f.s.futures[0].nwaiters, 0);
  VT_CHECK(strstr(f.s.futures[0].text, "3 results") != NULL);
  VT_EQ(f.s.ntimers, 0);
  VT_EQ(f.s.nconsole, 7);
  close_l1(&f);
  return 0;
}

int vt_state_running_blocked(void) {
  fixture f;
  VT_CHECK(open_l1(&f) == 0);
  /* sync_main at 1 s: its one task runs, held in time.sleep until 2 s on line 55. */
  VT_EQ(view_state_at(f.vs, 0, view_state_count_at(f.vs, 0, S(1)), S(1), &f.s), 0);
  VT_EQ(f.s.running, 1);
  VT_CHECK(f.s.blocked);
  VT_EQ(f.s.blocked_until, S(2));
  VT_EQ(f.s.running_line, 55);
  VT_EQ(f.s.tasks[0].state, VIEW_TS_RUNNING);
  VT_CHECK(f.s.tasks[0].blocked);
  VT_EQ(f.s.tasks[0].line, 55);
  VT_EQ(f.s.nconsole, 1);
  char b[160];
  view_state_describe(f.vs, 0, f.s.at - 1, VIEW_LANG_EN, b, sizeof b);
  VT_CHECK(strstr(b, "time.sleep until 2 s") != NULL);
  view_state_describe(f.vs, 0, f.s.at - 1, VIEW_LANG_KO, b, sizeof b);
  VT_CHECK(strstr(b, "2 s까지") != NULL);
  /* The next record (the print at 2 s) ends the block; the line moves to the print. */
  VT_EQ(view_state_at(f.vs, 0, f.s.at + 1, S(2), &f.s), 0);
  VT_CHECK(!f.s.blocked);
  VT_EQ(f.s.running_line, 56);
  /* async_main: while Task-2 runs its first step the running line follows it. */
  size_t at = after(f.async, 0, LS_EV_PRINT, 3);
  VT_EQ(view_state_at(f.vs, 1, at, 0, &f.s), 0);
  VT_EQ(f.s.running, 3);
  VT_EQ(f.s.running_line, 70);
  VT_CHECK(!f.s.blocked);
  close_l1(&f);
  return 0;
}

/* Everything a panel shows, folded into one number. */
static uint64_t snap_hash(const view_snap *s) {
  uint64_t h = 1469598103934665603ull;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ull)
  MIX(s->at), MIX(s->t), MIX(s->running), MIX(s->running_line), MIX(s->blocked);
  for (size_t i = 0; i < s->ntasks; i++) {
    const view_st_task *k = &s->tasks[i];
    MIX(k->id), MIX(k->state), MIX(k->wait), MIX(k->wait_obj), MIX(k->until), MIX(k->line);
    for (const char *p = k->text; *p; p++)
      MIX(*p);
  }
  for (size_t i = 0; i < s->nqueue; i++)
    MIX(s->queue[i].kind), MIX(s->queue[i].task), MIX(s->queue[i].obj);
  for (size_t i = 0; i < s->nfutures; i++)
    MIX(s->futures[i].id), MIX(s->futures[i].outcome), MIX(s->futures[i].nwaiters);
  for (size_t i = 0; i < s->ntimers; i++)
    MIX(s->timers[i].id), MIX(s->timers[i].when);
  MIX(s->nconsole);
#undef MIX
  return h;
}

int vt_state_time_travel(void) {
  fixture f;
  VT_CHECK(open_l1(&f) == 0);
  for (size_t run = 0; run < 2; run++) {
    size_t n = view_state_records(f.vs, run);
    uint64_t *fw = calloc(n + 1, sizeof *fw);
    VT_CHECK(fw != NULL);
    for (size_t at = 0; at <= n; at++) {
      VT_EQ(view_state_at(f.vs, run, at, 0, &f.s), 0);
      fw[at] = snap_hash(&f.s);
    }
    /* Backwards, and jumping about, every point looks as it did going forward. */
    for (size_t at = n + 1; at-- > 0;) {
      VT_EQ(view_state_at(f.vs, run, at, 0, &f.s), 0);
      VT_CHECK(snap_hash(&f.s) == fw[at]);
    }
    for (size_t k = 0; k < 200; k++) {
      size_t at = (k * 7919) % (n + 1);
      VT_EQ(view_state_at(f.vs, run, at, 0, &f.s), 0);
      VT_CHECK(snap_hash(&f.s) == fw[at]);
    }
    free(fw);
  }
  close_l1(&f);
  return 0;
}

int vt_state_silent_pops(void) {
  /* A task cancelled while its step waits in the queue: the loop drops that entry without a
     record; the next pop takes it out, and the end of the loop empties the queue. */
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, 0, vt_str(tr, "drops"));
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 1, 0, 1, vt_str(tr, "a"));
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 1, 0, 0, 0);
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 2, 0, 1, vt_str(tr, "b"));
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 2, 0, 0, 0);
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 3, 0, 1, vt_str(tr, "c"));
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 3, 0, 0, 0);
  /* a ran and finished b from outside; b's entry is skipped, then c runs. */
  vt_rec(tr, 0, LS_EV_STEP, 0, 1, 0, 1, 0);
  vt_rec(tr, 0, LS_EV_CANCEL_REQ, 0, 1, 2, 2, 0);
  vt_rec(tr, 0, LS_EV_TASK_DONE, LS_OUT_RESULT, 1, 0, 3, 0);
  vt_rec(tr, 0, LS_EV_STEP, LS_RESUME_CANCEL, 2, 0, 1, 0);
  vt_rec(tr, 0, LS_EV_TASK_DONE, LS_OUT_CANCELLED, 2, 0, 1, 0);
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 2, 0, 0, 0); /* a stale step, never run */
  vt_rec(tr, 0, LS_EV_STEP, 0, 3, 0, 1, 0);
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_CALLBACK, 0, 9, 0, vt_str(tr, "cb"));
  vt_rec(tr, 0, LS_EV_TASK_DONE, LS_OUT_ERROR, 3, 0, 4, vt_str(tr, "boom"));
  vt_rec(tr, 0, LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  view_state *vs = view_state_new();
  VT_EQ(view_state_add_run(vs, NULL, tr), 0);
  view_snap s = {0};
  VT_EQ(view_state_at(vs, 0, 9, 0, &s), 0); /* after the cancel request */
  VT_CHECK(view_snap_task(&s, 2)->cancelling);
  VT_EQ(view_state_at(vs, 0, 12, 0, &s), 0);
  VT_EQ(view_snap_task(&s, 2)->state, VIEW_TS_CANCELLED);
  VT_CHECK(!view_snap_task(&s, 2)->cancelling);
  VT_EQ(view_state_at(vs, 0, 13, 0, &s), 0);
  VT_EQ(s.nqueue, 2); /* c's step, and b's stale one */
  VT_EQ(view_state_at(vs, 0, 14, 0, &s), 0);
  VT_EQ(s.nqueue, 1); /* c ran: b's stale entry is still behind it */
  VT_EQ(s.queue[0].task, 2);
  VT_EQ(view_state_at(vs, 0, 16, 0, &s), 0);
  VT_EQ(view_snap_task(&s, 3)->state, VIEW_TS_FAILED);
  VT_CHECK(!strcmp(view_snap_task(&s, 3)->text, "boom"));
  VT_EQ(view_state_at(vs, 0, 17, 0, &s), 0);
  VT_EQ(s.nqueue, 0);
  VT_CHECK(s.ended);
  char b[128];
  view_state_describe(vs, 0, 15, VIEW_LANG_EN, b, sizeof b);
  VT_CHECK(!strcmp(b, "c fails: boom"));
  view_state_describe(vs, 0, 8, VIEW_LANG_EN, b, sizeof b);
  VT_CHECK(!strcmp(b, "a asks b to cancel"));
  view_snap_free(&s);
  view_state_free(vs);
  trace_free(tr);
  return 0;
}

int vt_play_pacing(void) {
  fixture f;
  VT_CHECK(open_l1(&f) == 0);
  view_play p;
  view_play_init(&p);
  VT_EQ(p.speed, 1);
  view_play_focus(f.vs, &p, 1);
  VT_EQ(p.run, 1);
  VT_EQ(p.at, view_state_count_at(f.vs, 1, 0)); /* focus applies all that happened by now */
  view_play_home(&p);
  /* async_main's burst at 0 s: records come one dwell apart, the clock stands still. */
  size_t burst = view_state_burst(f.vs, 1, 0);
  VT_EQ(burst, view_state_count_at(f.vs, 1, 0));
  double d = VIEW_PLAY_DWELL * (double)burst > VIEW_PLAY_BURST_MAX
                 ? VIEW_PLAY_BURST_MAX / (double)burst
                 : VIEW_PLAY_DWELL;
  p.playing = true;
  VT_CHECK(view_play_advance(f.vs, &p, d * 1.5));
  VT_EQ(p.at, 1);
  VT_EQ(p.t, 0);
  VT_CHECK(view_play_advance(f.vs, &p, d * (double)(burst - 1)));
  VT_EQ(p.at, burst);
  VT_CHECK(p.t > 0 && p.t <= LS_FROM_SEC(d)); /* what was left over moved the clock */
  /* Then the clock runs: half a second of wall time at 1x is half a second of clock. */
  ls_time was = p.t;
  VT_CHECK(view_play_advance(f.vs, &p, 0.5));
  VT_EQ(p.at, burst);
  VT_CHECK(llabs(p.t - was - S(0.5)) < 1000);
  /* At 4x, 0.25 s of wall time reaches 1 s, where the next burst starts. */
  view_play_speed(&p, 1);
  view_play_speed(&p, 1);
  VT_EQ(p.speed, 4);
  view_play_advance(f.vs, &p, 0.2);
  VT_EQ(p.t, S(1));
  /* Speed stays within its bounds. */
  for (int i = 0; i < 10; i++)
    view_play_speed(&p, 1);
  VT_EQ(p.speed, 16);
  for (int i = 0; i < 10; i++)
    view_play_speed(&p, -1);
  VT_CHECK(p.speed == 0.25);
  /* Playing on reaches the end (6 s: sync_main's) and stops there. */
  p.speed = 16;
  for (int i = 0; i < 10000 && p.playing; i++)
    view_play_advance(f.vs, &p, 1.0 / 60);
  VT_CHECK(!p.playing);
  VT_EQ(p.t, S(6));
  VT_EQ(p.at, trace_count(f.async));
  VT_CHECK(view_play_at_end(f.vs, &p));
  close_l1(&f);
  return 0;
}

int vt_play_steps(void) {
  fixture f;
  VT_CHECK(open_l1(&f) == 0);
  view_play p;
  view_play_init(&p);
  size_t n = trace_count(f.sync);
  /* sync_main: step to its BLOCK, then the print 2 s later; back again. */
  while (p.at < n && trace_get(f.sync, p.at)->kind != LS_EV_BLOCK)
    VT_CHECK(view_play_step(f.vs, &p, 1));
  VT_CHECK(view_play_step(f.vs, &p, 1)); /* the BLOCK */
  VT_EQ(p.t, 0);
  VT_CHECK(view_play_step(f.vs, &p, 1)); /* the print at 2 s */
  VT_EQ(p.t, S(2));
  size_t here = p.at;
  VT_CHECK(view_play_step(f.vs, &p, -1));
  VT_EQ(p.at, here - 1);
  VT_EQ(p.t, 0);
  /* Stepping back all the way stops at the start. */
  while (view_play_step(f.vs, &p, -1))
    ;
  VT_EQ(p.at, 0);
  VT_EQ(p.t, 0);
  /* Seeking: every record up to the time. */
  view_play_seek(f.vs, &p, S(2.5));
  VT_EQ(p.at, view_state_count_at(f.vs, 0, S(2.5)));
  VT_EQ(p.t, S(2.5));
  /* Focus moves to async_main at the same time. */
  view_play_focus(f.vs, &p, 1);
  VT_EQ(p.t, S(2.5));
  VT_EQ(p.at, view_state_count_at(f.vs, 1, S(2.5)));
  /* Back and forth without moving in time: each run is where it was left, even inside a burst
     of zero-time records. */
  view_play_home(&p);
  view_play_step(f.vs, &p, 1);
  view_play_step(f.vs, &p, 1);
  VT_EQ(p.at, 2);
  view_play_focus(f.vs, &p, 0);
  VT_EQ(p.at, view_state_count_at(f.vs, 0, 0));
  view_play_focus(f.vs, &p, 1);
  VT_EQ(p.at, 2);
  /* Past async_main's end, stepping forward goes on to the lesson's end (6 s). */
  view_play_end(f.vs, &p);
  VT_EQ(p.t, S(6));
  VT_CHECK(!view_play_step(f.vs, &p, 1));
  VT_CHECK(view_play_step(f.vs, &p, -1));
  VT_EQ(p.t, S(3));
  VT_EQ(p.at, trace_count(f.async));
  VT_CHECK(view_play_step(f.vs, &p, 1));
  VT_EQ(p.t, S(6));
  view_play_home(&p);
  VT_EQ(p.at, 0);
  VT_EQ(p.t, 0);
  close_l1(&f);
  return 0;
}

/* A lesson with 1,000 tasks: each sleeps a few times and prints. */
ls_trace *vt_trace_thousand(void) {
  ls_trace *tr = trace_new();
  vt_rec(tr, 0, LS_EV_LOOP_START, 0, 0, 0, 0, vt_str(tr, "thousand"));
  vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 1, 0, 3, vt_str(tr, "main"));
  vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 1, 0, 0, 0);
  vt_rec(tr, 0, LS_EV_STEP, 0, 1, 0, 3, 0);
  enum { N = 1000, ROUNDS = 5 };
  char name[32];
  for (ls_id i = 0; i < N; i++) {
    snprintf(name, sizeof name, "Task-%u", (unsigned)i + 2);
    vt_rec(tr, 0, LS_EV_TASK_NEW, 0, 3 + i, 1, 8, vt_str(tr, name));
    vt_rec(tr, 0, LS_EV_SCHED, LS_H_STEP, 3 + i, 0, 0, 0);
  }
  vt_rec(tr, 0, LS_EV_FUT_NEW, 3, 1, 2, 0, 0);
  vt_rec(tr, 0, LS_EV_SUSPEND, LS_WAIT_GATHER, 1, 2, 5, 0);
  /* Round r: every task steps at r * 0.1 s + its own offset, and sleeps again. */
  ls_id timer = 0;
  int64_t hi = vt_str(tr, "hi");
  for (int r = 0; r < ROUNDS; r++) {
    for (ls_id i = 0; i < N; i++) {
      double t = r * 0.1 + (double)i * 1e-5;
      if (r > 0) { /* the timer this task armed last round */
        ls_id due = (ls_id)(r - 1) * N + i + 1;
        vt_rec(tr, t, LS_EV_SCHED, LS_H_TIMER, 0, due, 0, 0);
        vt_rec(tr, t, LS_EV_TIMER_FIRE, 0, 0, due, 0, 0);
        vt_rec(tr, t, LS_EV_SCHED, LS_H_WAKEUP, 3 + i, 0, 0, 0);
      }
      vt_rec(tr, t, LS_EV_STEP, 0, 3 + i, 0, 9, 0);
      vt_rec(tr, t, LS_EV_PRINT, 0, 3 + i, 0, 10, hi);
      if (r + 1 < ROUNDS) {
        double when = (r + 1) * 0.1 + (double)i * 1e-5;
        vt_rec(tr, t, LS_EV_TIMER_ARM, 0, 0, ++timer, 11, LS_FROM_SEC(when));
        vt_rec(tr, t, LS_EV_SUSPEND, LS_WAIT_SLEEP, 3 + i, 0, 11, LS_FROM_SEC(when));
      } else {
        vt_rec(tr, t, LS_EV_TASK_DONE, LS_OUT_RESULT, 3 + i, 0, 12, 0);
      }
    }
  }
  vt_rec(tr, 0.5, LS_EV_FUT_DONE, LS_OUT_RESULT, 0, 2, 0, 0);
  vt_rec(tr, 0.5, LS_EV_STEP, 0, 1, 0, 5, 0);
  vt_rec(tr, 0.5, LS_EV_TASK_DONE, LS_OUT_RESULT, 1, 0, 6, 0);
  vt_rec(tr, 0.5, LS_EV_LOOP_END, 0, 0, 0, 0, 0);
  return tr;
}

int vt_state_thousand(void) {
  ls_trace *tr = vt_trace_thousand();
  view_state *vs = view_state_new();
  Uint64 t0 = SDL_GetPerformanceCounter();
  VT_EQ(view_state_add_run(vs, NULL, tr), 0);
  double read_ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                   (double)SDL_GetPerformanceFrequency();
  view_snap s = {0};
  /* Mid-round: 1,001 tasks, 1,000 queued or timed. */
  VT_EQ(view_state_at(vs, 0, view_state_count_at(vs, 0, S(0.05)), S(0.05), &s), 0);
  VT_EQ(s.ntasks, 1001);
  VT_EQ(s.ntimers, 1000);
  VT_EQ(s.futures[0].nwaiters, 1);
  /* At the end every timer has fired. */
  VT_EQ(view_state_at(vs, 0, view_state_records(vs, 0), S(0.5), &s), 0);
  VT_EQ(s.ntimers, 0);
  VT_EQ(s.nqueue, 0);
  /* Seeking anywhere is cheap: 2,000 seeks scattered over the trace. */
  size_t n = view_state_records(vs, 0);
  t0 = SDL_GetPerformanceCounter();
  for (size_t k = 0; k < 2000; k++)
    VT_EQ(view_state_at(vs, 0, (k * 104729) % (n + 1), 0, &s), 0);
  double per = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
               (double)SDL_GetPerformanceFrequency() / 2000;
  printf("state_thousand: %zu records read in %.1f ms; a seek takes %.3f ms\n", n, read_ms,
         per);
  /* A frame is 16.7 ms; a seek must be a small part of it (generous for sanitizer builds). */
  VT_CHECK(per < 4.0);
  view_snap_free(&s);
  view_state_free(vs);
  trace_free(tr);
  return 0;
}

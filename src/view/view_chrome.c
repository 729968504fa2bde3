/* view_chrome.c -- Chrome Trace Event JSON: timestamps are microseconds of clock time. */
#include "view_chrome.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void put_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", f);
    else if (*p < 0x20)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

static double us(ls_time t) {
  return (double)t / 1000.0;
}

typedef struct open_span {
  ls_time step;  /* start of the open step, -1 if none */
  ls_time wait;  /* start of the open wait, -1 if none */
  uint64_t wait_id;
  char wait_name[64];
  int32_t line;
} open_span;

static void wait_label(const ls_trace *tr, const ls_trace_rec *r, char *buf, size_t n) {
  switch (r->sub) {
  case LS_WAIT_READY:
    snprintf(buf, n, "ready (yielded)");
    break;
  case LS_WAIT_SLEEP:
    snprintf(buf, n, "sleep until %.3f s", (double)r->arg / 1e9);
    break;
  case LS_WAIT_TASK:
    snprintf(buf, n, "await task #%u", r->obj);
    break;
  case LS_WAIT_GATHER:
    snprintf(buf, n, "await gather #%u", r->obj);
    break;
  default:
    snprintf(buf, n, "await Future #%u", r->obj);
  }
  (void)tr;
}

static void end_wait(FILE *f, int pid, ls_id tid, open_span *o, ls_time t, int *first) {
  if (o->wait < 0) return;
  fprintf(f, "%s\n{\"name\":", *first ? "" : ",");
  *first = 0;
  put_str(f, o->wait_name);
  fprintf(f, ",\"cat\":\"wait\",\"ph\":\"e\",\"id\":\"0x%llx\",\"pid\":%d,\"tid\":%u,\"ts\":%.3f}",
          (unsigned long long)o->wait_id, pid, tid, us(t));
  o->wait = -1;
}

static void end_step(FILE *f, int pid, ls_id tid, open_span *o, ls_time t, int *first) {
  if (o->step < 0) return;
  fprintf(f, "%s\n{\"name\":\"step\",\"cat\":\"run\",\"ph\":\"X\",\"pid\":%d,\"tid\":%u,"
             "\"ts\":%.3f,\"dur\":%.3f,\"args\":{\"line\":%d}}",
          *first ? "" : ",", pid, tid, us(o->step), us(t - o->step), o->line);
  *first = 0;
  o->step = -1;
}

int view_chrome_write(FILE *f, const view_run *runs, size_t n) {
  int first = 1;
  uint64_t next_id = 1;
  fputs("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[", f);
  for (size_t ri = 0; ri < n; ri++) {
    const ls_trace *tr = runs[ri].trace;
    int pid = (int)ri + 1;
    fprintf(f, "%s\n{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%d,\"args\":{\"name\":",
            first ? "" : ",", pid);
    first = 0;
    put_str(f, runs[ri].name ? runs[ri].name : "run");
    fprintf(f, "}},\n{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":%d,\"args\":"
               "{\"sort_index\":%d}}",
            pid, pid);
    fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":0,\"args\":"
               "{\"name\":\"event loop\"}}",
            pid);
    size_t cap = 64;
    open_span *open = malloc(cap * sizeof *open);
    if (!open) return -1;
    for (size_t i = 0; i < cap; i++) open[i] = (open_span){-1, -1, 0, "", 0};
    ls_time last = 0;
    size_t count = trace_count(tr);
    for (size_t i = 0; i < count; i++) {
      const ls_trace_rec *r = trace_get(tr, i);
      last = r->t;
      if (r->task >= cap) {
        size_t nc = cap;
        while (nc <= r->task) nc *= 2;
        open_span *o2 = realloc(open, nc * sizeof *open);
        if (!o2) {
          free(open);
          return -1;
        }
        open = o2;
        for (size_t k = cap; k < nc; k++) open[k] = (open_span){-1, -1, 0, "", 0};
        cap = nc;
      }
      open_span *o = &open[r->task];
      switch (r->kind) {
      case LS_EV_TASK_NEW:
      case LS_EV_TASK_RENAME:
        fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":%u,\"args\":"
                   "{\"name\":",
                pid, r->task);
        put_str(f, trace_str(tr, r->arg));
        fprintf(f, "}},\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":%d,\"tid\":%u,"
                   "\"args\":{\"sort_index\":%u}}",
                pid, r->task, r->task);
        break;
      case LS_EV_STEP:
        end_wait(f, pid, r->task, o, r->t, &first);
        o->step = r->t;
        o->line = r->line;
        break;
      case LS_EV_SUSPEND:
        o->line = r->line;
        end_step(f, pid, r->task, o, r->t, &first);
        o->wait = r->t;
        o->wait_id = next_id++;
        wait_label(tr, r, o->wait_name, sizeof o->wait_name);
        fprintf(f, ",\n{\"name\":");
        put_str(f, o->wait_name);
        fprintf(f, ",\"cat\":\"wait\",\"ph\":\"b\",\"id\":\"0x%llx\",\"pid\":%d,\"tid\":%u,"
                   "\"ts\":%.3f,\"args\":{\"line\":%d}}",
                (unsigned long long)o->wait_id, pid, r->task, us(r->t), r->line);
        break;
      case LS_EV_TASK_DONE: {
        o->line = r->line;
        end_step(f, pid, r->task, o, r->t, &first);
        static const char *const outs[] = {"", "result", "error", "cancelled"};
        fprintf(f, ",\n{\"name\":\"%s\",\"cat\":\"task\",\"ph\":\"i\",\"s\":\"t\",\"pid\":%d,"
                   "\"tid\":%u,\"ts\":%.3f,\"args\":{\"value\":",
                r->sub < 4 ? outs[r->sub] : "?", pid, r->task, us(r->t));
        put_str(f, trace_str(tr, r->arg));
        fputs("}}", f);
        break;
      }
      case LS_EV_BLOCK: /* the loop itself is held: drawn on the event loop's track */
        fprintf(f, ",\n{\"name\":\"blocked by time.sleep\",\"cat\":\"blocked\",\"ph\":\"X\","
                   "\"pid\":%d,\"tid\":0,\"ts\":%.3f,\"dur\":%.3f,\"args\":{\"line\":%d,"
                   "\"task\":%u}}",
                pid, us(r->t), us(r->arg - r->t), r->line, r->task);
        break;
      case LS_EV_PRINT:
      case LS_EV_WARN:
        fprintf(f, ",\n{\"name\":\"%s\",\"cat\":\"output\",\"ph\":\"i\",\"s\":\"t\",\"pid\":%d,"
                   "\"tid\":%u,\"ts\":%.3f,\"args\":{\"text\":",
                r->kind == LS_EV_PRINT ? "print" : "warning", pid, r->task, us(r->t));
        put_str(f, trace_str(tr, r->arg));
        fputs("}}", f);
        break;
      case LS_EV_RUN:
        fprintf(f, ",\n{\"name\":");
        put_str(f, r->arg ? trace_str(tr, r->arg) : "callback");
        fprintf(f, ",\"cat\":\"callback\",\"ph\":\"i\",\"s\":\"t\",\"pid\":%d,\"tid\":0,"
                   "\"ts\":%.3f}",
                pid, us(r->t));
        break;
      case LS_EV_TIMER_FIRE:
        fprintf(f, ",\n{\"name\":\"timer #%u fired\",\"cat\":\"timer\",\"ph\":\"i\",\"s\":\"t\","
                   "\"pid\":%d,\"tid\":0,\"ts\":%.3f}",
                r->obj, pid, us(r->t));
        break;
      default:
        break;
      }
    }
    for (size_t k = 0; k < cap; k++) {
      end_step(f, pid, (ls_id)k, &open[k], last, &first);
      end_wait(f, pid, (ls_id)k, &open[k], last, &first);
    }
    free(open);
  }
  fputs("\n]}\n", f);
  return ferror(f) ? -1 : 0;
}

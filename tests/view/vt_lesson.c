/* vt_lesson.c -- lesson 1 (sync vs async) as the Lua runtime recorded it: both runs' traces
 * record for record, and the lesson's text, frozen here so the screen tests do not move when
 * the lesson or the runtime changes. */
#include "vt_lesson.h"

#include <string.h>

#include "vt.h"

#define S(x) LS_FROM_SEC(x)

typedef struct vt_row {
  double t;
  int kind, sub;
  ls_id task, obj;
  int line;
  int64_t arg;
  const char *str; /* when set, arg is this string's id */
} vt_row;

static const vt_row l1_sync[] = {
    {0, LS_EV_LOOP_START, 0, 0, 0, 0, 0, "sync_main"},
    {0, LS_EV_TASK_NEW, 0, 1, 0, 59, 0, "Task-1"},
    {0, LS_EV_SCHED, 0, 1, 0, 0, 0, NULL},
    {0, LS_EV_STEP, 0, 1, 0, 59, 0, NULL},
    {0, LS_EV_PRINT, 0, 1, 0, 54, 0, "Task 1 작업 시작"},
    {0, LS_EV_BLOCK, 0, 1, 0, 55, S(2), NULL},
    {2, LS_EV_PRINT, 0, 1, 0, 56, 0, "Task 1 작업 완료"},
    {2, LS_EV_PRINT, 0, 1, 0, 54, 0, "Task 2 작업 시작"},
    {2, LS_EV_BLOCK, 0, 1, 0, 55, S(5), NULL},
    {5, LS_EV_PRINT, 0, 1, 0, 56, 0, "Task 2 작업 완료"},
    {5, LS_EV_PRINT, 0, 1, 0, 54, 0, "Task 3 작업 시작"},
    {5, LS_EV_BLOCK, 0, 1, 0, 55, S(6), NULL},
    {6, LS_EV_PRINT, 0, 1, 0, 56, 0, "Task 3 작업 완료"},
    {6, LS_EV_PRINT, 0, 1, 0, 65, 0, "총 실행 시간: 6.00초"},
    {6, LS_EV_TASK_DONE, 1, 1, 0, 59, 0, NULL},
    {6, LS_EV_SCHED, 2, 0, 1, 0, 0, NULL},
    {6, LS_EV_RUN, 2, 0, 1, 0, 0, NULL},
    {6, LS_EV_LOOP_END, 0, 0, 0, 0, 0, NULL},
};
static const vt_row l1_async[] = {
    {0, LS_EV_LOOP_START, 0, 0, 0, 0, 0, "async_main"},
    {0, LS_EV_TASK_NEW, 0, 1, 0, 75, 0, "Task-1"},
    {0, LS_EV_SCHED, 0, 1, 0, 0, 0, NULL},
    {0, LS_EV_STEP, 0, 1, 0, 75, 0, NULL},
    {0, LS_EV_FUT_NEW, 3, 1, 2, 0, 0, NULL},
    {0, LS_EV_TASK_NEW, 0, 3, 1, 69, 0, "Task-2"},
    {0, LS_EV_SCHED, 0, 3, 0, 0, 0, NULL},
    {0, LS_EV_TASK_NEW, 0, 4, 1, 69, 0, "Task-3"},
    {0, LS_EV_SCHED, 0, 4, 0, 0, 0, NULL},
    {0, LS_EV_TASK_NEW, 0, 5, 1, 69, 0, "Task-4"},
    {0, LS_EV_SCHED, 0, 5, 0, 0, 0, NULL},
    {0, LS_EV_SUSPEND, 4, 1, 2, 77, 0, NULL},
    {0, LS_EV_STEP, 0, 3, 0, 69, 0, NULL},
    {0, LS_EV_PRINT, 0, 3, 0, 70, 0, "Task 1 작업 시작"},
    {0, LS_EV_TIMER_ARM, 0, 0, 1, 71, S(2), NULL},
    {0, LS_EV_SUSPEND, 1, 3, 6, 71, S(2), NULL},
    {0, LS_EV_STEP, 0, 4, 0, 69, 0, NULL},
    {0, LS_EV_PRINT, 0, 4, 0, 70, 0, "Task 2 작업 시작"},
    {0, LS_EV_TIMER_ARM, 0, 0, 2, 71, S(3), NULL},
    {0, LS_EV_SUSPEND, 1, 4, 7, 71, S(3), NULL},
    {0, LS_EV_STEP, 0, 5, 0, 69, 0, NULL},
    {0, LS_EV_PRINT, 0, 5, 0, 70, 0, "Task 3 작업 시작"},
    {0, LS_EV_TIMER_ARM, 0, 0, 3, 71, S(1), NULL},
    {0, LS_EV_SUSPEND, 1, 5, 8, 71, S(1), NULL},
    {1, LS_EV_SCHED, 3, 0, 3, 0, 0, NULL},
    {1, LS_EV_TIMER_FIRE, 0, 0, 3, 0, 0, NULL},
    {1, LS_EV_FUT_DONE, 1, 0, 8, 0, 0, NULL},
    {1, LS_EV_SCHED, 1, 5, 8, 0, 0, NULL},
    {1, LS_EV_STEP, 1, 5, 0, 71, 0, NULL},
    {1, LS_EV_PRINT, 0, 5, 0, 72, 0, "Task 3 작업 완료"},
    {1, LS_EV_TASK_DONE, 1, 5, 0, 71, 0, NULL},
    {1, LS_EV_SCHED, 2, 0, 5, 0, 0, "gather: child done"},
    {1, LS_EV_RUN, 2, 0, 5, 0, 0, "gather: child done"},
    {2, LS_EV_SCHED, 3, 0, 1, 0, 0, NULL},
    {2, LS_EV_TIMER_FIRE, 0, 0, 1, 0, 0, NULL},
    {2, LS_EV_FUT_DONE, 1, 0, 6, 0, 0, NULL},
    {2, LS_EV_SCHED, 1, 3, 6, 0, 0, NULL},
    {2, LS_EV_STEP, 1, 3, 0, 71, 0, NULL},
    {2, LS_EV_PRINT, 0, 3, 0, 72, 0, "Task 1 작업 완료"},
    {2, LS_EV_TASK_DONE, 1, 3, 0, 71, 0, NULL},
    {2, LS_EV_SCHED, 2, 0, 3, 0, 0, "gather: child done"},
    {2, LS_EV_RUN, 2, 0, 3, 0, 0, "gather: child done"},
    {3, LS_EV_SCHED, 3, 0, 2, 0, 0, NULL},
    {3, LS_EV_TIMER_FIRE, 0, 0, 2, 0, 0, NULL},
    {3, LS_EV_FUT_DONE, 1, 0, 7, 0, 0, NULL},
    {3, LS_EV_SCHED, 1, 4, 7, 0, 0, NULL},
    {3, LS_EV_STEP, 1, 4, 0, 71, 0, NULL},
    {3, LS_EV_PRINT, 0, 4, 0, 72, 0, "Task 2 작업 완료"},
    {3, LS_EV_TASK_DONE, 1, 4, 0, 71, 0, NULL},
    {3, LS_EV_SCHED, 2, 0, 4, 0, 0, "gather: child done"},
    {3, LS_EV_RUN, 2, 0, 4, 0, 0, "gather: child done"},
    {3, LS_EV_FUT_DONE, 1, 0, 2, 0, 0, "list of 3 results"},
    {3, LS_EV_SCHED, 1, 1, 2, 0, 0, NULL},
    {3, LS_EV_STEP, 1, 1, 0, 77, 0, NULL},
    {3, LS_EV_PRINT, 0, 1, 0, 83, 0, "총 실행 시간: 3.00초"},
    {3, LS_EV_TASK_DONE, 1, 1, 0, 77, 0, NULL},
    {3, LS_EV_SCHED, 2, 0, 1, 0, 0, NULL},
    {3, LS_EV_RUN, 2, 0, 1, 0, 0, NULL},
    {3, LS_EV_LOOP_END, 0, 0, 0, 0, 0, NULL},
};

static ls_trace *build(const vt_row *rows, size_t n) {
  ls_trace *tr = trace_new();
  if (!tr) return NULL;
  for (size_t i = 0; i < n; i++) {
    const vt_row *r = &rows[i];
    vt_rec(tr, r->t, r->kind, r->sub, r->task, r->obj, r->line, r->str ? vt_str(tr, r->str) : r->arg);
  }
  return tr;
}

ls_trace *vt_l1_sync(void) {
  return build(l1_sync, sizeof l1_sync / sizeof l1_sync[0]);
}

ls_trace *vt_l1_async(void) {
  return build(l1_async, sizeof l1_async / sizeof l1_async[0]);
}

static const char l1_source[] =
    "-- Lesson 1: sync vs async -- the same three jobs, one after another and then together.\n"
    "lesson {\n"
    "  id = \"sync-vs-async\",\n"
    "  title = { ko = \"동기 vs 비동기\", en = \"Sync vs async\" },\n"
    "  text = {\n"
    "    ko = [[\n"
    "동기 프로그래밍: 작업이 순차적으로 실행되며, 각 작업이 완료될 때까지 다음 작업을 기다립니다.\n"
    "비동기 프로그래밍: 작업을 시작한 뒤 완료를 기다리지 않고 다른 작업을 수행할 수 있습니다.\n"
    "\n"
    "위 타임라인(sync_main)을 보세요: time.sleep이 이벤트 루프 전체를 붙잡고 있어서(빨간 구간)\n"
    "Task 1, 2, 3이 하나씩 차례로 실행되고 총 6초가 걸립니다.\n"
    "아래 타임라인(async_main)에서는 세 작업이 거의 동시에 시작하고, await asyncio.sleep 동안\n"
    "루프가 비어 있어 다른 작업을 돌립니다. 가장 긴 작업(3초)이 끝나면 전체가 끝납니다: 3초.\n"
    "완료 순서는 소요 시간이 짧은 순서: Task 3, Task 1, Task 2.]],\n"
    "    en = [[\n"
    "Synchronous: jobs run one after another; each waits for the previous one to finish.\n"
    "Asynchronous: a job starts, and while it waits the loop runs other jobs.\n"
    "\n"
    "Watch the upper timeline (sync_main): time.sleep holds the whole event loop (the red spans),\n"
    "so Task 1, 2 and 3 run one at a time and the total is 6 seconds.\n"
    "In the lower timeline (async_main) the three jobs start almost together; while they\n"
    "await asyncio.sleep the loop is free to run the others. When the longest job (3 s) ends,\n"
    "everything has ended: 3 seconds. They finish shortest first: Task 3, Task 1, Task 2.]],\n"
    "  },\n"
    "  compare = { \"sync_main\", \"async_main\" },\n"
    "  expect = {\n"
    "    output = {\n"
    "      \"Task 1 작업 시작\", \"Task 1 작업 완료\", \"Task 2 작업 시작\", \"Task 2 작업 완료\",\n"
    "      \"Task 3 작업 시작\", \"Task 3 작업 완료\", \"총 실행 시간: 6.00초\",\n"
    "      \"Task 1 작업 시작\", \"Task 2 작업 시작\", \"Task 3 작업 시작\",\n"
    "      \"Task 3 작업 완료\", \"Task 1 작업 완료\", \"Task 2 작업 완료\", \"총 실행 시간: 3.00초\",\n"
    "    },\n"
    "    total = 3.0,\n"
    "  },\n"
    "  predict = { {\n"
    "    ask = { ko = \"비동기 버전에서 '완료' 줄은 어떤 순서로 출력될까요?\",\n"
    "            en = \"In the async version, in what order do the '완료' (done) lines print?\" },\n"
    "    choices = { \"Task 1, 2, 3\", \"Task 3, 1, 2\", \"Task 2, 1, 3\" },\n"
    "    answer = 2, at = 3.0,\n"
    "    why = { ko = \"모두 동시에 기다리므로 가장 짧은 sleep(1초)이 먼저 끝납니다.\",\n"
    "            en = \"They all wait at the same time, so the shortest sleep (1 s) ends first.\" },\n"
    "  }, {\n"
    "    ask = { ko = \"비동기 버전은 모두 합쳐 몇 초 걸릴까요?\",\n"
    "            en = \"How long does the async version take in total?\" },\n"
    "    choices = { \"6초 / 6 s\", \"3초 / 3 s\", \"1초 / 1 s\" },\n"
    "    answer = 2, at = 3.0,\n"
    "    why = { ko = \"가장 긴 작업(3초)만큼 걸립니다: 2 + 3 + 1이 아니라 max(2, 3, 1).\",\n"
    "            en = \"As long as the longest job: max(2, 3, 1), not 2 + 3 + 1.\" },\n"
    "  } },\n"
    "}\n"
    "\n"
    "-- 동기 프로그래밍 예제 / the synchronous version\n"
    "function sync_task(name, duration)\n"
    "  print(name .. \" 작업 시작\")\n"
    "  time.sleep(duration) -- 작업 시뮬레이션: blocks the whole loop\n"
    "  print(name .. \" 작업 완료\")\n"
    "end\n"
    "\n"
    "function sync_main()\n"
    "  local start = time.time()\n"
    "  sync_task(\"Task 1\", 2)\n"
    "  sync_task(\"Task 2\", 3)\n"
    "  sync_task(\"Task 3\", 1)\n"
    "  local finish = time.time()\n"
    "  print(string.format(\"총 실행 시간: %.2f초\", finish - start))\n"
    "end\n"
    "\n"
    "-- 비동기 프로그래밍 예제 / the asynchronous version\n"
    "local async_task = async(function(name, duration)\n"
    "  print(name .. \" 작업 시작\")\n"
    "  await(asyncio.sleep(duration)) -- 비동기적 대기: the loop runs others meanwhile\n"
    "  print(name .. \" 작업 완료\")\n"
    "end)\n"
    "\n"
    "async_main = async(function()\n"
    "  local start = time.time()\n"
    "  await(asyncio.gather(\n"
    "    async_task(\"Task 1\", 2),\n"
    "    async_task(\"Task 2\", 3),\n"
    "    async_task(\"Task 3\", 1)\n"
    "  ))\n"
    "  local finish = time.time()\n"
    "  print(string.format(\"총 실행 시간: %.2f초\", finish - start))\n"
    "end)\n";

const char *vt_l1_source(size_t *len) {
  if (len) *len = sizeof l1_source - 1;
  return l1_source;
}

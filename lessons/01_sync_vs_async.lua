-- Lesson 1: sync vs async -- the same three jobs, one after another and then together.
lesson {
  id = "sync-vs-async",
  title = { ko = "동기 vs 비동기", en = "Sync vs async" },
  text = {
    ko = [[
동기 프로그래밍: 작업이 순차적으로 실행되며, 각 작업이 완료될 때까지 다음 작업을 기다립니다.
비동기 프로그래밍: 작업을 시작한 뒤 완료를 기다리지 않고 다른 작업을 수행할 수 있습니다.

위 타임라인(sync_main)을 보세요: time.sleep이 이벤트 루프 전체를 붙잡고 있어서(빨간 구간)
Task 1, 2, 3이 하나씩 차례로 실행되고 총 6초가 걸립니다.
아래 타임라인(async_main)에서는 세 작업이 거의 동시에 시작하고, await asyncio.sleep 동안
루프가 비어 있어 다른 작업을 돌립니다. 가장 긴 작업(3초)이 끝나면 전체가 끝납니다: 3초.
완료 순서는 소요 시간이 짧은 순서: Task 3, Task 1, Task 2.]],
    en = [[
Synchronous: jobs run one after another; each waits for the previous one to finish.
Asynchronous: a job starts, and while it waits the loop runs other jobs.

Watch the upper timeline (sync_main): time.sleep holds the whole event loop (the red spans),
so Task 1, 2 and 3 run one at a time and the total is 6 seconds.
In the lower timeline (async_main) the three jobs start almost together; while they
await asyncio.sleep the loop is free to run the others. When the longest job (3 s) ends,
everything has ended: 3 seconds. They finish shortest first: Task 3, Task 1, Task 2.]],
  },
  compare = { "sync_main", "async_main" },
  expect = {
    output = {
      "Task 1 작업 시작", "Task 1 작업 완료", "Task 2 작업 시작", "Task 2 작업 완료",
      "Task 3 작업 시작", "Task 3 작업 완료", "총 실행 시간: 6.00초",
      "Task 1 작업 시작", "Task 2 작업 시작", "Task 3 작업 시작",
      "Task 3 작업 완료", "Task 1 작업 완료", "Task 2 작업 완료", "총 실행 시간: 3.00초",
    },
    total = 3.0,
  },
  predict = { {
    ask = { ko = "비동기 버전에서 '완료' 줄은 어떤 순서로 출력될까요?",
            en = "In the async version, in what order do the '완료' (done) lines print?" },
    choices = { "Task 1, 2, 3", "Task 3, 1, 2", "Task 2, 1, 3" },
    answer = 2, at = 3.0,
    why = { ko = "모두 동시에 기다리므로 가장 짧은 sleep(1초)이 먼저 끝납니다.",
            en = "They all wait at the same time, so the shortest sleep (1 s) ends first." },
  }, {
    ask = { ko = "비동기 버전은 모두 합쳐 몇 초 걸릴까요?",
            en = "How long does the async version take in total?" },
    choices = { "6초 / 6 s", "3초 / 3 s", "1초 / 1 s" },
    answer = 2, at = 3.0,
    why = { ko = "가장 긴 작업(3초)만큼 걸립니다: 2 + 3 + 1이 아니라 max(2, 3, 1).",
            en = "As long as the longest job: max(2, 3, 1), not 2 + 3 + 1." },
  } },
}

-- 동기 프로그래밍 예제 / the synchronous version
function sync_task(name, duration)
  print(name .. " 작업 시작")
  time.sleep(duration) -- 작업 시뮬레이션: blocks the whole loop
  print(name .. " 작업 완료")
end

function sync_main()
  local start = time.time()
  sync_task("Task 1", 2)
  sync_task("Task 2", 3)
  sync_task("Task 3", 1)
  local finish = time.time()
  print(string.format("총 실행 시간: %.2f초", finish - start))
end

-- 비동기 프로그래밍 예제 / the asynchronous version
local async_task = async(function(name, duration)
  print(name .. " 작업 시작")
  await(asyncio.sleep(duration)) -- 비동기적 대기: the loop runs others meanwhile
  print(name .. " 작업 완료")
end)

async_main = async(function()
  local start = time.time()
  await(asyncio.gather(
    async_task("Task 1", 2),
    async_task("Task 2", 3),
    async_task("Task 3", 1)
  ))
  local finish = time.time()
  print(string.format("총 실행 시간: %.2f초", finish - start))
end)

-- Lesson 8: asyncio.create_task -- start work in the background, do something else, collect.
lesson {
  id = "create-task",
  title = { ko = "동시성 처리: asyncio.create_task()", en = "Concurrency: asyncio.create_task()" },
  text = {
    ko = [[
asyncio.create_task()는 코루틴을 Task 객체로 감싸 이벤트 루프에 예약합니다. 이렇게 하면
작업을 백그라운드에서 실행하고, 필요할 때 결과를 확인할 수 있습니다.
  • asyncio.create_task()로 세 task를 만들면 곧바로 실행이 예약됨
  • asyncio.gather()로 모든 task의 결과를 기다림

출력 첫 줄을 보세요: "다른 작업 수행 중..."이 "Task 1 시작"보다 먼저 나옵니다.
create_task는 태스크를 준비 큐에 넣기만 하고, 실제 실행은 main이 await asyncio.sleep(1)에서
멈춰 루프에 차례를 넘길 때 시작됩니다. 그 순간 준비 큐의 Task 1, 2, 3이 차례로 실행됩니다.
타임라인에서 main의 "다른 작업"(1초)과 세 태스크의 대기가 겹쳐 있는 것을 보세요.
1초에 main이 "다른 작업 완료"를 출력하고 gather로 기다리기 시작할 때, 태스크들은 이미
1초만큼 진행되어 있습니다. 그래서 전체 시간은 1 + 4 = 5초가 아니라 4초입니다.]],
    en = [[
asyncio.create_task() wraps a coroutine in a Task object and schedules it on the event
loop. The work then runs in the background, and you look at its result when you need it.
  • the three tasks made by asyncio.create_task() are scheduled to run right away
  • asyncio.gather() waits for the results of all of them

Look at the first line of output: "다른 작업 수행 중..." (doing other work) comes before
"Task 1 시작" (Task 1 start). create_task only puts a task on the ready queue; it actually
starts when main stops at await asyncio.sleep(1) and hands the loop its turn. At that
moment Task 1, 2 and 3 run from the ready queue, one after another.
On the timeline, main's "other work" (1 s) overlaps the three tasks' waiting.
When main prints "다른 작업 완료" (other work done) at 1 s and starts waiting in gather,
the tasks are already 1 s along. So the total is 4 s, not 1 + 4 = 5 s.]],
  },
  expect = {
    output = {
      "다른 작업 수행 중...",
      "Task 1 시작", "Task 2 시작", "Task 3 시작",
      "다른 작업 완료",
      "Task 2 완료", "Task 1 완료", "Task 3 완료",
      "모든 작업 완료. 소요 시간: 4.00초",
      "결과: ['Task 1의 결과', 'Task 2의 결과', 'Task 3의 결과']",
    },
    total = 4.0,
  },
  predict = { {
    ask = { ko = "첫 줄은 무엇일까요?", en = "What is the first line printed?" },
    choices = { "Task 1 시작", "다른 작업 수행 중..." },
    answer = 2, at = 0.0,
    why = { ko = "create_task는 예약만 합니다. 태스크는 main이 await에서 멈춘 뒤에 시작합니다.",
            en = "create_task only schedules; the tasks start after main stops at an await." },
  }, {
    ask = { ko = "전체 소요 시간은?", en = "How long does it take in total?" },
    choices = { "4초 / 4 s", "5초 / 5 s", "10초 / 10 s" },
    answer = 1, at = 4.0,
    why = { ko = "태스크는 main의 1초 작업과 동시에 진행됩니다: 가장 긴 4초면 끝납니다.",
            en = "The tasks run during main's 1 s of other work: the longest, 4 s, sets the total." },
  } },
}

local long_running_task = async(function(name, delay)
  print(name .. " 시작")
  await(asyncio.sleep(delay))
  print(name .. " 완료")
  return name .. "의 결과"
end)

main = async(function()
  local start_time = time.time()

  -- 태스크 생성
  local task1 = asyncio.create_task(long_running_task("Task 1", 3))
  local task2 = asyncio.create_task(long_running_task("Task 2", 2))
  local task3 = asyncio.create_task(long_running_task("Task 3", 4))

  -- 다른 작업 수행
  print("다른 작업 수행 중...")
  await(asyncio.sleep(1))
  print("다른 작업 완료")

  -- 모든 태스크의 결과 대기
  local results = await(asyncio.gather(task1, task2, task3))

  local end_time = time.time()
  print(string.format("모든 작업 완료. 소요 시간: %.2f초", end_time - start_time))
  print("결과:", results)
end)

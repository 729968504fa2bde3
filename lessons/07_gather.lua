-- Lesson 7: asyncio.gather -- run several coroutines at once and collect every result.
lesson {
  id = "gather",
  title = { ko = "동시성 처리: asyncio.gather()", en = "Concurrency: asyncio.gather()" },
  text = {
    ko = [[
asyncio.gather()는 여러 코루틴을 동시에 실행하고 모든 결과를 기다릴 때 씁니다.
여러 비동기 작업을 함께 실행하고 그 결과를 모아 줍니다.

타임라인을 보세요: gather는 세 코루틴을 태스크로 감싸 준비 큐에 넣고, main은 gather의
결과를 기다리며 멈춥니다. 세 태스크는 0초에 차례로 "시작"을 출력하고 각자 sleep에서
기다립니다. 그동안 준비 큐는 비어 있습니다.
2초에 Task 2, 3초에 Task 1, 4초에 Task 3이 끝납니다: "완료" 줄은 끝난 시간 순서입니다.
하지만 "결과:" 리스트는 인자 순서(Task 1, 2, 3) 그대로입니다. gather는 결과를 들어온
순서가 아니라 자리에 맞춰 채웁니다.
전체 실행 시간은 가장 오래 걸리는 작업(4초)에 맞춰 정해집니다: 3 + 2 + 4 = 9초가 아닙니다.]],
    en = [[
asyncio.gather() runs several coroutines at once and waits for all of their results.
It runs many asynchronous jobs together and collects what they return.

Watch the timeline: gather wraps the three coroutines in tasks and puts them on the ready
queue, and main stops to wait for gather's result. The three tasks print "시작" (start)
one after another at 0 s and each waits in its sleep; meanwhile the ready queue is empty.
Task 2 ends at 2 s, Task 1 at 3 s, Task 3 at 4 s: the "완료" (done) lines come in the order
the jobs finish. The "결과:" (results) list, though, keeps the argument order (Task 1, 2, 3):
gather fills each result into its own slot, not in arrival order.
The whole run takes as long as the longest job (4 s), not 3 + 2 + 4 = 9 s.]],
  },
  expect = {
    output = {
      "Task 1 시작", "Task 2 시작", "Task 3 시작",
      "Task 2 완료", "Task 1 완료", "Task 3 완료",
      "모든 작업 완료. 소요 시간: 4.00초",
      "결과: ['Task 1의 결과', 'Task 2의 결과', 'Task 3의 결과']",
    },
    total = 4.0,
  },
  predict = { {
    ask = { ko = "\"완료\" 줄은 어떤 순서로 출력될까요?",
            en = "In what order do the \"완료\" (done) lines print?" },
    choices = { "Task 1, 2, 3", "Task 2, 1, 3", "Task 3, 1, 2" },
    answer = 2, at = 4.0,
    why = { ko = "모두 동시에 기다리므로 짧은 것(2초, 3초, 4초)부터 끝납니다.",
            en = "They all wait at once, so the shortest (2 s, 3 s, 4 s) finish first." },
  }, {
    ask = { ko = "\"결과:\" 리스트의 순서는?", en = "What order is the \"결과:\" (results) list in?" },
    choices = { "Task 2, 1, 3 (끝난 순서 / finishing order)", "Task 1, 2, 3 (인자 순서 / argument order)" },
    answer = 2, at = 4.0,
    why = { ko = "gather의 결과는 항상 인자 순서입니다.",
            en = "gather's results are always in argument order." },
  } },
}

local fetch_data = async(function(name, delay)
  print(name .. " 시작")
  await(asyncio.sleep(delay)) -- 네트워크 요청 시뮬레이션
  print(name .. " 완료")
  return name .. "의 결과"
end)

main = async(function()
  local start_time = time.time()

  -- asyncio.gather()를 사용하여 여러 작업을 동시에 실행
  local results = await(asyncio.gather(
    fetch_data("Task 1", 3),
    fetch_data("Task 2", 2),
    fetch_data("Task 3", 4)
  ))

  local end_time = time.time()
  print(string.format("모든 작업 완료. 소요 시간: %.2f초", end_time - start_time))
  print("결과:", results)
end)

-- Lesson 2: coroutines -- awaiting one after another, then two at once with gather.
lesson {
  id = "coroutines",
  title = { ko = "코루틴(Coroutine)", en = "Coroutines" },
  text = {
    ko = [[
코루틴은 일반 함수와 달리 중간에 실행을 멈췄다가 다시 시작할 수 있는 함수입니다.
제너레이터를 바탕으로 발전한 개념이며, 지금은 async/await 문법으로 쉽게 정의합니다.
  • 실행을 중간에 멈추고 재개할 수 있음
  • 여러 진입점과 종료점을 가질 수 있음
  • 상태를 유지하면서 실행/중지가 가능
async: 코루틴을 정의합니다. async로 정의한 함수를 호출하면 코루틴 객체가 돌아올 뿐,
       아직 아무것도 실행되지 않습니다.
await: 코루틴 안에서 다른 비동기 작업이 끝날 때까지 멈춰 기다립니다. 동기 코드처럼
       보이지만 실제로는 비동기적으로 실행됩니다.

위 타임라인(sequential_main)을 보세요: main이 greet("Alice")를 await하면 Alice가 끝날
때까지 main도 멈춥니다. asyncio.sleep(1) 동안 루프에는 할 일이 없어 준비 큐가 비어 있고,
Bob은 Alice가 끝난 뒤에야 시작합니다. 1초씩 세 번, 총 3초입니다.
아래 타임라인(gather_main)에서는 asyncio.gather가 두 코루틴을 태스크(Task-2, Task-3)로
감싸 준비 큐에 넣습니다. Task 1이 sleep(2)에서 멈추면 루프는 곧바로 Task 2를 실행합니다.
둘이 동시에 기다리므로 짧은 Task 2가 먼저 끝나고, 전체는 3초(2초 + 1초)가 아닌 2초입니다.]],
    en = [[
A coroutine, unlike an ordinary function, can stop in the middle and carry on later.
It grew out of generators; today it is written with async/await.
  • it can pause and resume
  • it can have several entry and exit points
  • it keeps its state while paused
async: defines a coroutine function. Calling it only returns a coroutine object;
       nothing runs yet.
await: inside a coroutine, pauses until another asynchronous job is done. The code reads
       like synchronous code but runs asynchronously.

Watch the upper timeline (sequential_main): when main awaits greet("Alice"), main is paused
until Alice is done. During asyncio.sleep(1) the loop has nothing to do, the ready queue
is empty, and Bob starts only after Alice has finished. Three times 1 s: 3 seconds.
In the lower timeline (gather_main), asyncio.gather wraps the two coroutines in tasks
(Task-2, Task-3) and puts them on the ready queue. As soon as Task 1 stops at sleep(2),
the loop runs Task 2. Both wait at the same time, so the shorter Task 2 finishes first and
the whole run takes 2 seconds, not 3 (2 s + 1 s).]],
  },
  compare = { "sequential_main", "gather_main" },
  expect = {
    output = {
      "Hello, Alice!", "Goodbye, Alice!", "Hello, Bob!", "Goodbye, Bob!",
      "Hello, Charlie!", "Goodbye, Charlie!",
      "Task 1 started", "Task 2 started", "Task 2 finished", "Task 1 finished",
    },
    total = 2.0,
  },
  predict = { {
    ask = { ko = "sequential_main에서 \"Hello, Bob!\"은 언제 출력될까요?",
            en = "In sequential_main, when does \"Hello, Bob!\" print?" },
    choices = { "0초 / 0 s", "1초 / 1 s", "3초 / 3 s" },
    answer = 2, at = 1.0,
    why = { ko = "await는 greet(\"Alice\")가 끝날 때까지(1초) main을 멈춥니다.",
            en = "await pauses main until greet(\"Alice\") is done, which takes 1 s." },
  }, {
    ask = { ko = "gather_main은 모두 합쳐 몇 초 걸릴까요?",
            en = "How long does gather_main take in total?" },
    choices = { "3초 / 3 s", "2초 / 2 s", "1초 / 1 s" },
    answer = 2, at = 2.0,
    why = { ko = "두 태스크가 동시에 기다리므로 2 + 1이 아니라 max(2, 1)초입니다.",
            en = "The two tasks wait at the same time: max(2, 1), not 2 + 1." },
  } },
}

-- 기본적인 예시 코드 / the basic example
local greet = async(function(name)
  print("Hello, " .. name .. "!")
  await(asyncio.sleep(1)) -- 비동기적으로 1초 대기
  print("Goodbye, " .. name .. "!")
end)

sequential_main = async(function()
  await(greet("Alice"))
  await(greet("Bob"))
  await(greet("Charlie"))
end)

-- 조금 복잡한 예시 코드 / a slightly bigger example
local task1 = async(function()
  print("Task 1 started")
  await(asyncio.sleep(2))
  print("Task 1 finished")
end)

local task2 = async(function()
  print("Task 2 started")
  await(asyncio.sleep(1))
  print("Task 2 finished")
end)

gather_main = async(function()
  await(asyncio.gather(
    task1(),
    task2()
  ))
end)

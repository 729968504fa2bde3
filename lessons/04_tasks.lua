-- Lesson 4: tasks -- create_task schedules a coroutine at once; await only collects it.
lesson {
  id = "tasks",
  title = { ko = "태스크(Task)", en = "Tasks" },
  text = {
    ko = [[
태스크(Task)는 코루틴을 실행하기 위한 asyncio의 객체입니다.
  • 비동기 작업을 이벤트 루프에 스케줄링하고 관리
  • 여러 Task를 동시에 실행
asyncio.create_task()는 코루틴을 Task로 감싸 곧바로 준비 큐에 넣습니다. 누가 await하지
않아도 루프가 돌 차례가 되면 실행이 시작됩니다.

준비 큐를 보세요: create_task를 두 번 부른 직후 준비 큐에는 A(Task-2)와 B(Task-3)가
들어 있지만, main(Task-1)이 아직 실행 중이라 둘 다 시작하지 않았습니다.
main이 await task1에서 멈추는 순간 루프가 A와 B를 차례로 실행합니다: "Task A started",
"Task B started". 둘 다 sleep에서 기다리는 동안 main은 task1을 기다립니다.
1초에 B가 먼저 끝나고, 2초에 A가 끝나면 main이 깨어납니다. 그다음 await task2는 이미
끝난 태스크라 기다리지 않고 바로 결과를 돌려줍니다. 전체 2초.]],
    en = [[
A Task is asyncio's object for running a coroutine.
  • it schedules an asynchronous job on the event loop and manages it
  • many Tasks run at the same time
asyncio.create_task() wraps a coroutine in a Task and puts it on the ready queue at once.
Nobody has to await it: it starts as soon as the loop gets its turn.

Watch the ready queue: right after the two create_task calls it holds A (Task-2) and
B (Task-3), but neither has started, because main (Task-1) is still running.
The moment main stops at await task1, the loop runs A and then B: "Task A started",
"Task B started". While both wait in sleep, main waits on task1.
At 1 s B finishes first; at 2 s A finishes and main wakes up. Then await task2 finds a task
that is already done and returns at once, without waiting. 2 seconds in all.]],
  },
  expect = {
    output = {
      "Task A started", "Task B started",
      "Task B finished after 1 seconds", "Task A finished after 2 seconds",
    },
    total = 2.0,
  },
  predict = { {
    ask = { ko = "main이 await task1에서 멈춘 뒤, 준비 큐에서 가장 먼저 실행되는 것은?",
            en = "Once main stops at await task1, what does the ready queue run first?" },
    choices = { "Task A", "Task B", "main" },
    answer = 1, at = 0.0,
    why = { ko = "준비 큐는 먼저 들어온 순서(FIFO)로 실행합니다: A가 먼저 만들어졌습니다.",
            en = "The ready queue runs first in, first out, and A was created first." },
  }, {
    ask = { ko = "main이 await task2에 닿았을 때 얼마나 더 기다릴까요?",
            en = "When main reaches await task2, how much longer does it wait?" },
    choices = { "0초 / 0 s", "1초 / 1 s", "2초 / 2 s" },
    answer = 1, at = 2.0,
    why = { ko = "B는 이미 1초에 끝났습니다. 태스크는 await와 상관없이 실행됩니다.",
            en = "B already finished at 1 s: a task runs whether or not anyone awaits it yet." },
  } },
}

local task_coroutine = async(function(name, delay)
  print("Task " .. name .. " started")
  await(asyncio.sleep(delay))
  print("Task " .. name .. " finished after " .. delay .. " seconds")
end)

main = async(function()
  -- task1과 task2를 생성하여 이벤트 루프에 스케줄링합니다.
  local task1 = asyncio.create_task(task_coroutine("A", 2))
  local task2 = asyncio.create_task(task_coroutine("B", 1))
  -- task1과 task2는 비동기적으로 실행되기 시작합니다.
  -- await task1: task1이 완료될 때까지 기다립니다.
  await(task1)
  -- task1이 완료된 후, task2가 완료될 때까지 기다립니다.
  await(task2)
end)

-- asyncio.run은 이벤트 루프를 생성하고 main 코루틴을 실행합니다.
-- (Loopscope runs the global main as asyncio.run(main()) when the file does not.)

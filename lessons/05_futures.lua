-- Lesson 5: futures -- a result that someone sets later; a task runs, a future only waits.
lesson {
  id = "futures",
  title = { ko = "퓨처(Future)", en = "Futures" },
  text = {
    ko = [[
Future는 미래에 완료될 작업을 나타내는 객체입니다. 비동기 작업의 결과를 담으며,
아직 완료되지 않은 작업의 상태를 나타냅니다.
  • asyncio.Future(): 미래에 완료될 작업을 나타내는 객체를 생성
  • future:set_result(): Future 객체에 결과 값을 설정
  • future:result(): Future 객체의 결과 값을 반환

위 타임라인(future_main): main은 future를 만들고 set_future_value(future)를 await합니다.
1초 동안 준비 큐는 비어 있고, 타이머가 울리면 set_result가 future를 완료 상태로 바꿉니다.
그래서 main이 future:result()를 부를 때는 이미 "Future is done!"이 들어 있습니다.

Task와 Future 비교
  • Task: 코루틴을 실행하기 위한 asyncio의 객체
  • Future: 미래에 완료될 작업을 나타내는 객체
Task는 바로 실행되지만, Future는 아무것도 실행하지 않습니다.
아래 타임라인(task_vs_future)을 보세요: create_task 직후 job 태스크가 준비 큐에 들어가고,
main이 처음 멈추는 순간 아무도 await하지 않았는데도 "job: started"가 출력됩니다.
future 쪽에는 아무 일도 일어나지 않습니다. 0.5초에 main이 set_result를 부르기 전까지
future는 계속 대기(pending) 상태입니다. 사실 Task는 Future의 한 종류입니다:
코루틴을 실행해서 그 반환값으로 스스로 set_result를 하는 Future입니다.]],
    en = [[
A Future is an object that stands for work that will complete later. It holds the result
of an asynchronous job, and the state of a job that has not completed yet.
  • asyncio.Future(): makes an object for work that completes later
  • future:set_result(): sets the Future's result
  • future:result(): returns the Future's result

Upper timeline (future_main): main makes a future and awaits set_future_value(future).
For 1 s the ready queue is empty; when the timer fires, set_result marks the future done.
So by the time main calls future:result(), "Future is done!" is already in it.

Task versus Future
  • Task: asyncio's object for running a coroutine
  • Future: an object for work that completes later
A Task starts running at once; a Future runs nothing at all.
Watch the lower timeline (task_vs_future): right after create_task the job task is on
the ready queue, and the moment main first stops, "job: started" prints although nobody
awaited it. On the future's side nothing happens: it stays pending until main calls
set_result at 0.5 s. In fact a Task is a kind of Future: one that runs a coroutine and
sets its own result from what the coroutine returns.]],
  },
  compare = { "future_main", "task_vs_future" },
  expect = {
    output = {
      "Future is done!",
      "created a task and a future",
      "job: started",
      "at 0.5 s: task done? False | future done? False",
      "future done? True | result: set by main",
      "job: finished",
      "task result: job result",
    },
    total = 1.0,
  },
  predict = { {
    ask = { ko = "task_vs_future에서 무엇이 먼저 출력될까요?",
            en = "In task_vs_future, which line prints first?" },
    choices = { "job: started", "created a task and a future" },
    answer = 2, at = 0.0,
    why = { ko = "create_task는 태스크를 준비 큐에 넣을 뿐입니다. main이 await에서 멈춰야 job이 실행됩니다.",
            en = "create_task only queues the task; job runs once main stops at an await." },
  }, {
    ask = { ko = "0.5초에 future는 완료되었을까요?",
            en = "At 0.5 s, is the future done?" },
    choices = { "예 / yes", "아니요 / no" },
    answer = 2, at = 0.5,
    why = { ko = "Future는 스스로 아무것도 실행하지 않습니다. 누군가 set_result를 불러야 완료됩니다.",
            en = "A Future runs nothing by itself: it is done only when someone calls set_result." },
  } },
}

-- 비동기 함수 set_future_value를 정의합니다.
-- 이 함수는 future 객체를 받아 1초 후에 값을 설정합니다.
local set_future_value = async(function(future)
  -- 1초 동안 비동기적으로 대기합니다.
  await(asyncio.sleep(1))
  -- 대기 후, future 객체에 결과 값을 설정합니다.
  future:set_result("Future is done!")
end)

future_main = async(function()
  -- future 객체를 생성합니다. Future는 나중에 완료될 작업을 나타냅니다.
  local future = asyncio.Future()
  -- set_future_value 함수를 호출하여 future 객체의 값을 설정합니다.
  await(set_future_value(future))
  -- future 객체의 결과 값을 출력합니다. 이 시점에서 future는 완료되어 값을 가지고 있습니다.
  print(future:result())
end)

-- Task와 Future 비교 / a task and a future side by side
local job = async(function()
  print("job: started") -- nobody awaited it: the loop started it
  await(asyncio.sleep(1))
  print("job: finished")
  return "job result"
end)

task_vs_future = async(function()
  local task = asyncio.create_task(job())
  local future = asyncio.Future()
  print("created a task and a future")
  await(asyncio.sleep(0.5))
  print("at 0.5 s: task done?", task:done(), "| future done?", future:done())
  future:set_result("set by main") -- the only way a plain future gets a result
  print("future done?", future:done(), "| result:", future:result())
  print("task result: " .. await(task))
end)

-- Lesson 11: exceptions -- catching an error across await; gather with return_exceptions.
lesson {
  id = "exceptions",
  title = { ko = "예외 처리", en = "Handling exceptions" },
  text = {
    ko = [[
try/except 사용: 코루틴 안에서 난 예외는 await를 거쳐 기다리던 쪽으로 그대로 올라옵니다.
Lua에서는 try/except 대신 pcall로 await를 감싸고, isinstance로 예외의 종류를 확인합니다.

위 타임라인(try_except_main): risky_operation이 1초 기다린 뒤 ValueError를 일으킵니다.
main은 그동안 risky_operation을 기다리고 있다가, 1초에 예외가 await를 타고 main으로
전달되는 것을 보세요. main은 그것을 잡아 "Caught an error: ..."를 출력합니다.

asyncio.gather()에서의 예외 처리: return_exceptions=true를 주면, 실패한 작업의 예외가
다른 결과처럼 결과 리스트에 들어갑니다. 주지 않으면 첫 예외가 곧바로 gather를 기다리는
쪽으로 올라갑니다(이때 다른 작업은 취소되지 않고 계속 돕니다).
아래 타임라인(gather_main): 1초에 task1이 실패해도 gather는 끝나지 않고 task2를 계속
기다립니다. 2초에 task2가 끝나야 main이 깨어나 리스트를 하나씩 확인합니다:
첫 칸은 예외(isinstance(result, Exception)), 둘째 칸은 보통 결과입니다.]],
    en = [[
Using try/except: an exception raised inside a coroutine travels up through await to
whoever is waiting for it. In Lua, pcall wraps the await in place of try/except, and
isinstance tells what kind of exception it is.

Upper timeline (try_except_main): risky_operation waits 1 s and then raises ValueError.
main is waiting on risky_operation all that time; at 1 s watch the exception travel up
through the await into main, which catches it and prints "Caught an error: ...".

Exceptions in asyncio.gather(): with return_exceptions=true, a failed job's exception is
put into the result list like any other result. Without it, the first exception goes
straight up to whoever awaits gather (the other jobs are not cancelled and keep running).
Lower timeline (gather_main): task1 fails at 1 s, yet gather is not done: it keeps
waiting for task2. Only when task2 finishes at 2 s does main wake up and check the list
one item at a time: the first slot is an exception (isinstance(result, Exception)),
the second an ordinary result.]],
  },
  compare = { "try_except_main", "gather_main" },
  expect = {
    output = {
      "Caught an error: This is a test error",
      "Task failed with error: Error in task1",
      "Task succeeded with result: Task2 result",
    },
    total = 2.0,
  },
  predict = { {
    ask = { ko = "gather_main에서 main은 언제 깨어날까요?",
            en = "In gather_main, when does main wake up?" },
    choices = { "1초: task1이 실패할 때 / 1 s, when task1 fails",
                "2초: 둘 다 끝날 때 / 2 s, when both are done" },
    answer = 2, at = 2.0,
    why = { ko = "return_exceptions=true면 예외도 결과일 뿐이라, gather는 모든 작업이 끝날 때까지 기다립니다.",
            en = "With return_exceptions=true an exception is just a result, so gather waits for every job." },
  }, {
    ask = { ko = "return_exceptions를 빼면 무엇이 출력될까요?",
            en = "Without return_exceptions, what would print?" },
    choices = { "Task failed with error: Error in task1",
                "An unexpected error occurred: Error in task1",
                "Task succeeded with result: Task2 result" },
    answer = 2, at = 1.0,
    why = { ko = "첫 예외가 1초에 gather를 기다리던 main으로 올라와 바깥 pcall이 잡습니다.",
            en = "The first exception reaches main, which awaits gather, at 1 s, and the outer pcall catches it." },
  } },
}

-- try/except 사용 / try/except
local risky_operation = async(function()
  await(asyncio.sleep(1))
  error(ValueError("This is a test error"))
end)

try_except_main = async(function()
  local ok, e = pcall(function()
    await(risky_operation())
  end)
  if not ok then
    if not isinstance(e, ValueError) then error(e, 0) end -- except ValueError as e:
    print("Caught an error: " .. tostring(e))
  end
end)

-- asyncio.gather()에서의 예외 처리 / exceptions in gather
local task1 = async(function()
  await(asyncio.sleep(1))
  error(ValueError("Error in task1"))
end)

local task2 = async(function()
  await(asyncio.sleep(2))
  return "Task2 result"
end)

gather_main = async(function()
  local ok, e = pcall(function()
    local results = await(asyncio.gather(task1(), task2(), { return_exceptions = true }))
    for _, result in ipairs(results) do
      if isinstance(result, Exception) then
        print("Task failed with error: " .. tostring(result))
      else
        print("Task succeeded with result: " .. tostring(result))
      end
    end
  end)
  if not ok then -- except Exception as e:
    print("An unexpected error occurred: " .. tostring(e))
  end
end)

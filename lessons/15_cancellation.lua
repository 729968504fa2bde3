-- Lesson 15: cancellation and timeouts -- task:cancel() and asyncio.wait_for.
lesson {
  id = "cancellation",
  title = { ko = "취소와 시간 제한: cancel()과 wait_for()", en = "Cancellation and timeouts: cancel() and wait_for()" },
  text = {
    ko = [[
이미 시작한 태스크를 중간에 멈출 수 있습니다.
  • task:cancel(): 태스크에 취소를 요청합니다. 태스크가 기다리고 있던 await 자리에서
    asyncio.CancelledError 예외가 일어납니다.
  • asyncio.wait_for(aw, timeout): aw가 timeout초 안에 끝나지 않으면 aw를 취소하고
    TimeoutError를 일으킵니다.
CancelledError를 잡아서 정리 작업을 했다면 다시 일으켜야(error(e, 0)) 합니다.
삼켜 버리면 태스크는 취소되지 않고 계속 실행됩니다.

위 타임라인(cancel_main): worker는 5초 sleep에서 기다리고 있습니다. 1초에 main이
task:cancel()을 부르면 worker의 sleep 타이머가 취소되고, worker는 곧바로 준비 큐로
돌아와 await 자리에서 CancelledError를 받습니다. 정리 메시지를 출력하고 예외를 다시
일으키면 태스크는 "취소됨" 상태로 끝나고, 그 태스크를 기다리던 main에도
CancelledError가 전달됩니다. 5초짜리 작업이었지만 전체는 1초입니다.
아래 타임라인(wait_for_main): 첫 요청(1초)은 제한 시간 2초 안에 끝나 결과를 받습니다.
둘째 요청(5초)은 2초가 되는 순간 wait_for의 타이머가 울려 slow를 취소하고, slow가 정리를
마치면 main에 TimeoutError가 전달됩니다. 1 + 2 = 3초에 끝납니다.]],
    en = [[
A task that has started can be stopped part way.
  • task:cancel(): asks the task to cancel. An asyncio.CancelledError is raised inside the
    task, at the await where it was waiting.
  • asyncio.wait_for(aw, timeout): if aw is not done within timeout seconds, cancels aw
    and raises TimeoutError.
If you catch CancelledError to clean up, raise it again (error(e, 0)). Swallow it and the
task is not cancelled: it just carries on.

Upper timeline (cancel_main): worker waits in a 5 s sleep. At 1 s main calls
task:cancel(): worker's sleep timer is cancelled, worker goes straight back onto the ready
queue and gets CancelledError at its await. It prints its clean-up message and raises
again, so the task ends in the "cancelled" state, and main, which awaits that task,
gets CancelledError too. The job was 5 s long, yet the whole run takes 1 s.
Lower timeline (wait_for_main): the first request (1 s) finishes inside the 2 s limit and
main gets its result. For the second (5 s), wait_for's timer fires at the 2 s mark and
cancels slow; once slow has cleaned up, main gets TimeoutError. Done at 1 + 2 = 3 s.]],
  },
  compare = { "cancel_main", "wait_for_main" },
  expect = {
    output = {
      "worker: started, sleeping 5 s",
      "main: cancelling the worker",
      "worker: cancelled, cleaning up",
      "main: worker cancelled? True",
      "fast: request sent",
      "got: fast result",
      "slow: request sent",
      "slow: cancelled by wait_for",
      "slow: timed out after 2 s",
    },
    total = 3.0,
  },
  predict = { {
    ask = { ko = "cancel_main은 몇 초 걸릴까요?", en = "How long does cancel_main take?" },
    choices = { "1초 / 1 s", "5초 / 5 s", "6초 / 6 s" },
    answer = 1, at = 1.0,
    why = { ko = "취소는 worker의 5초 sleep을 1초에 끊습니다. 기다릴 것이 더 남지 않습니다.",
            en = "The cancel cuts worker's 5 s sleep short at 1 s; there is nothing left to wait for." },
  }, {
    ask = { ko = "\"slow: cancelled by wait_for\"와 \"slow: timed out after 2 s\" 중 먼저 출력되는 것은?",
            en = "Which prints first: \"slow: cancelled by wait_for\" or \"slow: timed out after 2 s\"?" },
    choices = { "slow: cancelled by wait_for", "slow: timed out after 2 s" },
    answer = 1, at = 3.0,
    why = { ko = "wait_for는 먼저 slow를 취소하고 그것이 끝나기를 기다린 뒤에 TimeoutError를 일으킵니다.",
            en = "wait_for first cancels slow and waits for it to finish, and only then raises TimeoutError." },
  } },
}

-- task:cancel()
local worker = async(function()
  print("worker: started, sleeping 5 s")
  local ok, e = pcall(function()
    await(asyncio.sleep(5))
  end)
  if not ok then
    if isinstance(e, asyncio.CancelledError) then
      print("worker: cancelled, cleaning up")
    end
    error(e, 0) -- 다시 일으킴: 취소를 끝까지 / raise again: let the cancellation finish
  end
  print("worker: finished")
end)

cancel_main = async(function()
  local task = asyncio.create_task(worker())
  await(asyncio.sleep(1))
  print("main: cancelling the worker")
  task:cancel()
  local ok, e = pcall(function()
    await(task)
  end)
  if not ok then
    if not isinstance(e, asyncio.CancelledError) then error(e, 0) end
    print("main: worker cancelled?", task:cancelled())
  end
end)

-- asyncio.wait_for(aw, timeout)
local fetch = async(function(name, delay)
  print(name .. ": request sent")
  local ok, e = pcall(function()
    await(asyncio.sleep(delay))
  end)
  if not ok then
    if isinstance(e, asyncio.CancelledError) then
      print(name .. ": cancelled by wait_for")
    end
    error(e, 0)
  end
  return name .. " result"
end)

wait_for_main = async(function()
  local result = await(asyncio.wait_for(fetch("fast", 1), 2))
  print("got:", result)
  local ok, e = pcall(function()
    local r = await(asyncio.wait_for(fetch("slow", 5), 2))
    print("got:", r)
  end)
  if not ok then
    if not isinstance(e, TimeoutError) then error(e, 0) end
    print("slow: timed out after 2 s")
  end
end)

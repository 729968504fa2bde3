-- Lesson 12: debug mode -- a forgotten await, reported plainly and then with where it was
-- made; a step that holds the loop too long.
lesson {
  id = "debug-mode",
  title = { ko = "디버깅: 디버그 모드", en = "Debugging: debug mode" },
  text = {
    ko = [[
asyncio.run(main(), {debug=true})로 디버그 모드를 켤 수 있습니다
(Python: asyncio.run(main(), debug=True); loopscope run --debug로도 켤 수 있습니다).
디버그 모드가 켜지면:
  • asyncio가 기다리지 않은(await하지 않은) 코루틴을 검사하고 로그합니다.
    "잊힌 await" 함정을 피하는 데 도움이 됩니다.
  • 스레드 안전하지 않은 많은 asyncio API(loop.call_soon(), loop.call_at() 등)가
    잘못된 스레드에서 호출되면 예외를 일으킵니다.
  • I/O 선택기가 I/O 연산에 너무 오래 걸리면 그 실행 시간을 로그합니다.
  • 100밀리초보다 오래 걸리는 콜백(태스크의 한 단계)을 로그합니다.

이 파일은 루프를 세 번 돌립니다(타임라인 세 개).
1) 일반 모드: main이 test()를 부르지만 await하지 않습니다. 코루틴 객체만 만들어지고
   준비 큐에는 아무것도 들어가지 않으므로 "never scheduled"는 출력되지 않습니다.
   루프가 끝날 때 "RuntimeWarning: coroutine 'test' was never awaited" 경고가 나옵니다.
2) 디버그 모드: 같은 경고에 더해 그 코루틴이 어디서 만들어졌는지
   ("Coroutine created at ...", main 안의 줄)가 함께 나옵니다.
3) 디버그 모드에서 slow_step이 time.sleep(0.15)로 루프를 붙잡습니다. 타임라인에서
   루프가 막힌 구간(빨간색)을 보세요. 0.15초가 100밀리초를 넘으므로
   "Executing <Task ...> took 0.150 seconds" 경고가 나옵니다.
경고는 Python처럼 stderr로 가므로 expect에는 print 줄만 들어 있습니다.]],
    en = [[
asyncio.run(main(), {debug=true}) turns debug mode on
(Python: asyncio.run(main(), debug=True); loopscope run --debug does it too).
With debug mode on:
  • asyncio checks for coroutines that were never awaited and logs them, which softens
    the "forgotten await" trap.
  • many asyncio APIs that are not thread-safe (loop.call_soon(), loop.call_at(), ...)
    raise an exception when called from the wrong thread.
  • the I/O selector's run time is logged when an I/O operation takes too long.
  • callbacks (one step of a task) taking longer than 100 milliseconds are logged.

This file runs a loop three times (three timelines).
1) Normal mode: main calls test() but does not await it. Only a coroutine object is made,
   nothing goes on the ready queue, and "never scheduled" never prints. When the loop
   ends: "RuntimeWarning: coroutine 'test' was never awaited".
2) Debug mode: the same warning, plus where the coroutine was made
   ("Coroutine created at ...", the line in main).
3) In debug mode slow_step holds the loop with time.sleep(0.15). Watch the timeline: the
   span where the loop is blocked (red). 0.15 s is over 100 ms, so you get
   "Executing <Task ...> took 0.150 seconds".
Warnings go to stderr, as in Python, so expect holds only the printed lines.]],
  },
  expect = {
    output = { "main done", "main done", "slow step: start", "slow step: end" },
    total = 0.15,
  },
  predict = { {
    ask = { ko = "\"never scheduled\"는 몇 번 출력될까요?",
            en = "How many times does \"never scheduled\" print?" },
    choices = { "0", "1", "2" },
    answer = 1, at = 0.0,
    why = { ko = "test()는 코루틴 객체를 만들 뿐입니다. await하거나 태스크로 만들어야 실행됩니다.",
            en = "test() only makes a coroutine object; it runs only when awaited or made a task." },
  }, {
    ask = { ko = "세 번째 실행에서 time.sleep(0.15) 동안 루프는 무엇을 할 수 있을까요?",
            en = "In the third run, what can the loop do during time.sleep(0.15)?" },
    choices = { "다른 태스크 실행 / run other tasks", "아무것도 못 함 / nothing at all" },
    answer = 2, at = 0.15,
    why = { ko = "time.sleep은 루프 전체를 막습니다. 디버그 모드는 100밀리초가 넘는 단계를 경고합니다.",
            en = "time.sleep blocks the whole loop; debug mode warns about any step over 100 ms." },
  } },
}

local test = async(function()
  print("never scheduled")
end)

local main = async(function()
  test() -- await를 잊음 / the forgotten await
  print("main done")
end)

-- 일반 모드 / normal mode
asyncio.run(main())

-- 디버그 모드 / debug mode
asyncio.run(main(), { debug = true })

-- 100밀리초보다 오래 걸리는 단계 / a step longer than 100 ms
local slow_step = async(function()
  print("slow step: start")
  time.sleep(0.15) -- 루프 전체를 막음 / blocks the whole loop
  print("slow step: end")
end)

asyncio.run(slow_step(), { debug = true })

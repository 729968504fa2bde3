-- Lesson 3: the event loop -- get_event_loop / run_until_complete / close, then asyncio.run.
lesson {
  id = "event-loop",
  title = { ko = "이벤트 루프(Event Loop)", en = "The event loop" },
  text = {
    ko = [[
asyncio는 Python에서 비동기 I/O, 이벤트 루프, 코루틴, 태스크 등을 관리하는 라이브러리입니다.
이벤트 루프는 비동기 프로그래밍의 핵심으로, 여러 비동기 작업을 동시에 관리하고 실행합니다.
  • 코루틴의 실행을 관리
  • I/O 연산 처리
  • 하위 프로세스 실행
  • 네트워크 연결 관리

asyncio.get_event_loop(): 이벤트 루프를 가져옵니다(없으면 새로 만듭니다).
loop:run_until_complete(): 코루틴을 실행하고 완료될 때까지 기다립니다.
loop:close(): 이벤트 루프를 종료합니다.
실행 중인 루프가 없을 때 get_event_loop()를 부르면
"DeprecationWarning: There is no current event loop" 경고가 나옵니다(콘솔의 경고 줄).
앞으로는 Python 3.7부터 쓸 수 있는 asyncio.run()을 쓰는 것이 좋습니다.
asyncio.run()은 새 이벤트 루프를 만들고, 코루틴을 끝까지 실행한 뒤, 루프를 닫습니다.

이 파일은 Python 스크립트처럼 위에서 아래로 실행됩니다: 루프가 두 번 만들어지므로
타임라인도 두 개입니다. 각 루프에서 hello_world 하나만 돌고, sleep(1) 동안 준비 큐는
비어 있다가 1초 뒤 타이머가 울리면 태스크가 다시 준비 큐에 들어와 "World"를 출력합니다.
두 방식이 하는 일은 같습니다. 다른 점은 누가 루프를 만들고 닫느냐뿐입니다.]],
    en = [[
asyncio is Python's library for asynchronous I/O, the event loop, coroutines and tasks.
The event loop is the heart of asynchronous programming: it manages and runs many
asynchronous jobs at once.
  • runs coroutines
  • handles I/O operations
  • runs subprocesses
  • manages network connections

asyncio.get_event_loop(): gets the event loop (making one if there is none).
loop:run_until_complete(): runs a coroutine and waits until it is done.
loop:close(): shuts the event loop down.
Calling get_event_loop() when no loop is running gives
"DeprecationWarning: There is no current event loop" (the warning line in the console).
From now on prefer asyncio.run(), available since Python 3.7: it makes a new event loop,
runs the coroutine to the end and closes the loop.

This file runs top to bottom like a Python script: two loops are made, so there are two
timelines. Each loop runs just hello_world; during sleep(1) the ready queue is empty, and
after 1 s the timer fires, the task is back on the ready queue and prints "World".
Both ways do the same work; the only difference is who makes and closes the loop.]],
  },
  expect = {
    output = { "Hello", "World", "Hello", "World" },
    total = 1.0,
  },
  predict = { {
    ask = { ko = "첫 번째 방식(get_event_loop)은 Hello/World 말고 무엇을 더 출력할까요?",
            en = "Besides Hello/World, what else does the first way (get_event_loop) print?" },
    choices = { "아무것도 / nothing", "DeprecationWarning", "RuntimeError" },
    answer = 2, at = 0.0,
    why = { ko = "실행 중인 루프 없이 get_event_loop()를 부르면 더 이상 권장되지 않는다는 경고가 나옵니다.",
            en = "get_event_loop() with no running loop is deprecated, and Python warns about it." },
  }, {
    ask = { ko = "asyncio.run(hello_world())는 몇 초 걸릴까요?",
            en = "How long does asyncio.run(hello_world()) take?" },
    choices = { "0초 / 0 s", "1초 / 1 s", "2초 / 2 s" },
    answer = 2, at = 1.0,
    why = { ko = "새 루프에서 hello_world 하나만 돌고, sleep(1)이 끝나면 루프도 끝납니다.",
            en = "The new loop runs only hello_world, which ends after its sleep(1)." },
  } },
}

local hello_world = async(function()
  print("Hello")
  await(asyncio.sleep(1))
  print("World")
end)

-- 이벤트 루프 생성 및 실행 / make the event loop and run it
local loop = asyncio.get_event_loop()
loop:run_until_complete(hello_world())
loop:close()

-- Python 3.7 이상에서는 다음과 같이 간단히 실행 가능 / since Python 3.7, simply:
asyncio.run(hello_world())

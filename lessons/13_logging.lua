-- Lesson 13: logging in async code -- log lines from three tasks, interleaved by the loop.
lesson {
  id = "logging",
  title = { ko = "디버깅: 비동기 코드에서 로깅", en = "Debugging: logging in async code" },
  text = {
    ko = [[
logging 모듈로 비동기 코드에서도 로그를 기록하고 출력할 수 있습니다.
logging.basicConfig{level="DEBUG"}는 DEBUG 이상의 로그를 모두 "레벨:로거:메시지"
형식으로 stderr에 씁니다(Python의 logging.basicConfig(level=logging.DEBUG)).

출력을 보세요: 첫 줄 "DEBUG:asyncio:Using selector: EpollSelector"는 우리가 쓴 로그가
아니라 asyncio가 이벤트 루프를 만들며 남긴 로그입니다(튜토리얼의 Windows에서는
"Using proactor: IocpProactor"). 로거 이름이 root가 아니라 asyncio입니다.
그다음 gather가 만든 세 태스크가 준비 큐 순서대로 한 단계씩 실행되며
"Task A starting", B, C를 남기고 모두 sleep(1)에서 멈춥니다. 1초에 타이머 세 개가
예약된 순서대로 울려 "completed" 줄도 A, B, C 순서입니다. 타임라인에서 각 로그 줄이
어느 태스크의 어느 순간에 찍혔는지 보세요: 로그에 태스크 이름을 따로 적지 않아도
타임라인이 알려 줍니다.
로그는 print가 아니라 stderr로 가므로 expect의 출력 줄은 비어 있습니다.]],
    en = [[
The logging module records and prints log messages from async code too.
logging.basicConfig{level="DEBUG"} writes every record at DEBUG or above to stderr as
"LEVEL:logger:message" (Python's logging.basicConfig(level=logging.DEBUG)).

Look at the output: the first line, "DEBUG:asyncio:Using selector: EpollSelector", is not
ours: asyncio logged it while making the event loop (on the tutorial's Windows,
"Using proactor: IocpProactor"). Its logger is asyncio, not root.
Then the three tasks made by gather run one step each in ready-queue order, logging
"Task A starting", B, C, and all stop at sleep(1). At 1 s the three timers fire in the
order they were set, so the "completed" lines are A, B, C too. On the timeline, see which
task wrote each log line, and when: the log does not name the task, the timeline does.
Log records go to stderr, not through print, so expect has no output lines.]],
  },
  expect = {
    output = {},
    total = 1.0,
  },
  predict = { {
    ask = { ko = "\"completed\" 로그는 어떤 순서로 찍힐까요?",
            en = "In what order are the \"completed\" lines logged?" },
    choices = { "A, B, C", "C, B, A", "매번 다름 / different every run" },
    answer = 1, at = 1.0,
    why = { ko = "같은 1초 sleep은 예약된 순서대로 끝납니다: 먼저 잠든 A가 먼저 깨어납니다.",
            en = "Equal 1 s sleeps end in the order they were set: A went to sleep first, so it wakes first." },
  } },
}

logging.basicConfig { level = "DEBUG" }

local task = async(function(name)
  logging.debug("Task " .. name .. " starting")
  await(asyncio.sleep(1))
  logging.debug("Task " .. name .. " completed")
end)

main = async(function()
  await(asyncio.gather(task("A"), task("B"), task("C")))
end)

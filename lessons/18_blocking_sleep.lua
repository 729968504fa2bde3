-- Lesson 18: a common mistake -- time.sleep inside async code stops every task.
lesson {
  id = "blocking-sleep",
  title = { ko = "흔한 실수: 비동기 코드 안의 time.sleep", en = "A common mistake: time.sleep in async code" },
  text = {
    ko = [[
async 함수 안에 있다고 저절로 비동기가 되지는 않습니다. 이벤트 루프는 스레드 하나에서
돌기 때문에, 한 태스크가 await 없이 오래 붙잡고 있으면 다른 모든 태스크가 멈춥니다.
time.sleep(2)는 루프를 2초 동안 붙잡고, await asyncio.sleep(2)는 2초 동안 루프를 놓아줍니다.
(파일·네트워크를 동기 함수로 읽는 것, 무거운 계산도 똑같은 문제를 일으킵니다.)

heartbeat는 0.5초마다 한 번씩 뛰어야 하는 태스크입니다.
위 타임라인(blocking_main): job이 time.sleep(2)를 부르는 순간 루프 전체가 막힙니다
(빨간 구간). heartbeat의 타이머는 0.5초에 이미 시간이 되었지만, 루프가 붙잡혀 있어
아무도 실행되지 못합니다. 2초에 job이 놓아주고 나서야 heartbeat 2가 뛰는데, 이미 1.5초 늦었습니다.
그 뒤로 박자가 밀려 전체 3.5초가 걸립니다. 디버그 모드라면
"Executing <Task ...> took 2.000 seconds" 경고가 이 실수를 알려 줍니다.
아래 타임라인(fixed_main): await asyncio.sleep(2)로 바꾸면 job이 기다리는 동안 루프가
heartbeat를 돌려 0.5초마다 정확히 뜁니다. 전체 2초.]],
    en = [[
Being inside an async function does not make code asynchronous by itself. The event loop
runs on one thread, so when a task holds on for a long time without an await, every other
task stops. time.sleep(2) holds the loop for 2 s; await asyncio.sleep(2) lets go of it for 2 s.
(Reading files or the network with blocking functions, or heavy computing, does the same.)

heartbeat is a task that should beat every 0.5 s.
Upper timeline (blocking_main): the moment job calls time.sleep(2), the whole loop is
blocked (the red span). heartbeat's timer is due at 0.5 s, but the loop is held and
nothing can run. Heartbeat 2 beats only once job lets go at 2 s, 1.5 s late, and every
later beat is pushed back: 3.5 s in all. In debug mode the warning
"Executing <Task ...> took 2.000 seconds" points at this mistake.
Lower timeline (fixed_main): with await asyncio.sleep(2), the loop runs heartbeat while job
waits, and it beats exactly every 0.5 s. 2 s in all.]],
  },
  compare = { "blocking_main", "fixed_main" },
  expect = {
    output = {
      "heartbeat 1 at 0.0 s",
      "job: start at 0.0 s",
      "job: end at 2.0 s",
      "heartbeat 2 at 2.0 s",
      "heartbeat 3 at 2.5 s",
      "heartbeat 4 at 3.0 s",
      "total: 3.5 s",
      "heartbeat 1 at 0.0 s",
      "job: start at 0.0 s",
      "heartbeat 2 at 0.5 s",
      "heartbeat 3 at 1.0 s",
      "heartbeat 4 at 1.5 s",
      "job: end at 2.0 s",
      "total: 2.0 s",
    },
    total = 2.0,
  },
  predict = { {
    ask = { ko = "blocking_main에서 heartbeat 2는 언제 뛸까요?",
            en = "In blocking_main, when does heartbeat 2 beat?" },
    choices = { "0.5초 / 0.5 s", "2.0초 / 2.0 s", "2.5초 / 2.5 s" },
    answer = 2, at = 2.0,
    why = { ko = "0.5초에 타이머가 울려도 time.sleep이 루프를 붙잡고 있어, job이 놓아주는 2초까지 아무도 실행되지 못합니다.",
            en = "Its timer is due at 0.5 s, but time.sleep holds the loop, so nothing runs until job lets go at 2 s." },
  }, {
    ask = { ko = "blocking_main은 모두 몇 초 걸릴까요?", en = "How long does blocking_main take in all?" },
    choices = { "2초 / 2 s", "3.5초 / 3.5 s", "4초 / 4 s" },
    answer = 2, at = 3.5,
    why = { ko = "heartbeat의 박자 전체가 2초 막힌 만큼 뒤로 밀립니다: 2 + 3 × 0.5 = 3.5초.",
            en = "heartbeat's beats are all pushed back by the 2 s block: 2 + 3 × 0.5 = 3.5 s." },
  } },
}

local heartbeat = async(function(start)
  for i = 1, 4 do
    print(string.format("heartbeat %d at %.1f s", i, time.time() - start))
    await(asyncio.sleep(0.5))
  end
end)

local blocking_job = async(function(start)
  print(string.format("job: start at %.1f s", time.time() - start))
  time.sleep(2) -- 실수: 루프 전체를 2초 동안 막음 / the mistake: blocks the whole loop
  print(string.format("job: end at %.1f s", time.time() - start))
end)

local fixed_job = async(function(start)
  print(string.format("job: start at %.1f s", time.time() - start))
  await(asyncio.sleep(2)) -- 올바름: 기다리는 동안 루프가 다른 태스크를 돌림 / the fix
  print(string.format("job: end at %.1f s", time.time() - start))
end)

blocking_main = async(function()
  local start = time.time()
  await(asyncio.gather(heartbeat(start), blocking_job(start)))
  print(string.format("total: %.1f s", time.time() - start))
end)

fixed_main = async(function()
  local start = time.time()
  await(asyncio.gather(heartbeat(start), fixed_job(start)))
  print(string.format("total: %.1f s", time.time() - start))
end)

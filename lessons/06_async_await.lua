-- Lesson 6: async and await -- a coroutine that returns a value; await chains, gathered.
lesson {
  id = "async-await",
  title = { ko = "비동기 함수 작성하기: async와 await", en = "Writing async functions: async and await" },
  text = {
    ko = [[
비동기 함수는 async로 정의합니다(Python의 async def). 이런 함수는 호출하면 코루틴을
돌려주며, 안에서 await로 다른 비동기 작업이 끝나기를 기다릴 수 있습니다.
await는 async로 정의한 함수 안에서만 쓸 수 있습니다.
    result = await(비동기_함수_또는_코루틴())

첫 부분: greet("Alice")는 await 없이 값을 돌려주는 코루틴입니다. await가 그 반환값을
그대로 건네주므로 main은 "Hello, Alice!"를 출력합니다. 기다린 시간은 0초입니다.

둘째 부분: fetch_and_process는 await fetch_data(url)로 데이터를 받은 뒤
await process_data(data)로 처리합니다. 한 URL 안에서는 두 단계가 차례로 일어나지만,
asyncio.gather가 세 URL의 파이프라인을 태스크 세 개로 동시에 돌립니다.
  • await fetch_data(url): fetch_data()가 끝나기를 기다림
  • await process_data(data): process_data()가 끝나기를 기다림
  • await asyncio.gather(table.unpack(tasks)): 여러 비동기 작업을 동시에 실행하고 결과를 모음
타임라인을 보세요: 세 태스크가 0초에 "Fetching"을 출력하고 각자 다른(무작위) 시간만큼
기다립니다. 네트워크 지연이 가장 짧은 example.org가 먼저 "Processing" 단계로 넘어갑니다.
"Processing" 순서는 도착 순서(org, com, net)지만, 마지막 "Processed" 줄은 gather가 인자
순서대로 모은 결과 리스트를 main이 출력하는 것이라 com, org, net 순서입니다.
random.seed(254)로 고정했으므로 매번 같은 지연이 나옵니다.]],
    en = [[
An async function is defined with async (Python's async def). Calling it returns a
coroutine, and inside it await waits for other asynchronous work to finish.
await can only be used inside a function defined with async.
    result = await(an_async_function_or_coroutine())

Part one: greet("Alice") is a coroutine that returns a value without awaiting anything.
await hands that return value over, so main prints "Hello, Alice!". It waited 0 s.

Part two: fetch_and_process awaits fetch_data(url) for the data, then awaits
process_data(data) to process it. Within one URL the two steps happen in turn, but
asyncio.gather runs the three URLs' pipelines at once as three tasks.
  • await fetch_data(url): wait until fetch_data() is done
  • await process_data(data): wait until process_data() is done
  • await asyncio.gather(table.unpack(tasks)): run many jobs at once and collect results
Watch the timeline: the three tasks print "Fetching" at 0 s and each waits a different
(random) time. example.org has the shortest network delay, so it moves on to
"Processing" first. The "Processing" lines come in arrival order (org, com, net), but
the final "Processed" lines are main printing gather's result list, which keeps the
argument order: com, org, net.
random.seed(254) fixes the delays, so every run is the same.]],
  },
  expect = {
    output = {
      "Hello, Alice!",
      "Fetching data from http://example.com",
      "Fetching data from http://example.org",
      "Fetching data from http://example.net",
      "Processing Data from http://example.org",
      "Processing Data from http://example.com",
      "Processing Data from http://example.net",
      "Processed Data from http://example.com",
      "Processed Data from http://example.org",
      "Processed Data from http://example.net",
    },
    total = 2.077792, -- the slowest fetch (example.net, 1.577792 s) + 0.5 s of processing
  },
  predict = { {
    ask = { ko = "example.org가 가장 먼저 도착합니다. 마지막 \"Processed\" 줄 중 첫 줄은 어느 URL일까요?",
            en = "example.org arrives first. Which URL is on the first of the final \"Processed\" lines?" },
    choices = { "http://example.org", "http://example.com", "http://example.net" },
    answer = 2, at = 2.077792,
    why = { ko = "gather는 끝난 순서가 아니라 인자 순서대로 결과를 돌려줍니다.",
            en = "gather returns results in argument order, not in the order they finished." },
  } },
}

random.seed(254) -- 매번 같은 네트워크 지연 / the same network delays on every run

local greet = async(function(name)
  return "Hello, " .. name .. "!"
end)

local fetch_data = async(function(url)
  print("Fetching data from " .. url)
  await(asyncio.sleep(random.uniform(0.5, 2))) -- 네트워크 지연 시뮬레이션
  return "Data from " .. url
end)

local process_data = async(function(data)
  print("Processing " .. data)
  await(asyncio.sleep(0.5)) -- 처리 시간 시뮬레이션
  return "Processed " .. data
end)

local fetch_and_process = async(function(url)
  local data = await(fetch_data(url))
  local result = await(process_data(data))
  return result
end)

main = async(function()
  -- 사용 예 / using greet
  local result = await(greet("Alice"))
  print(result)

  local urls = { "http://example.com", "http://example.org", "http://example.net" }
  local tasks = {}
  for i, url in ipairs(urls) do tasks[i] = fetch_and_process(url) end
  local results = await(asyncio.gather(table.unpack(tasks)))
  for _, r in ipairs(results) do
    print(r)
  end
end)

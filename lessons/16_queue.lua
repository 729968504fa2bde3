-- Lesson 16: producer and consumers -- an asyncio.Queue with two consumers and a size limit.
lesson {
  id = "queue",
  title = { ko = "생산자와 소비자: asyncio.Queue", en = "Producers and consumers: asyncio.Queue" },
  text = {
    ko = [[
asyncio.Queue는 태스크끼리 일감을 주고받는 통로입니다.
  • await(queue:put(item)): 넣기. 큐가 가득 차면(maxsize) 자리가 날 때까지 기다림
  • await(queue:get()): 꺼내기. 큐가 비어 있으면 일감이 들어올 때까지 기다림
  • queue:task_done(): 꺼낸 일감 하나를 다 처리했다고 알림
  • await(queue:join()): 넣은 일감이 모두 task_done될 때까지 기다림
생산자는 0.2초마다 일감을 하나 만들고, 소비자 A(1.0초)와 B(1.3초)가 나눠서 처리합니다.
큐의 크기는 2로 제한되어 있습니다.

타임라인에서 "누가 무엇을 기다리는지"를 보세요. 처음에는 두 소비자가 빈 큐의 get에서
기다립니다. 0.2초에 item 1이 들어오면 먼저 기다리던 A가 받고, 0.4초의 item 2는 B가
받습니다. 둘 다 바쁘니 item 3, 4는 큐에 쌓이고(크기 2), 1.0초에 만든 item 5는 넣을
자리가 없어 생산자가 put에서 기다립니다. 1.2초에 A가 일을 마치고 item 3을 꺼내는 순간
자리가 생겨 생산자가 깨어납니다. 생산자는 item 6에서 한 번 더 막혔다가 1.7초에 풀립니다.
마지막 일감이 4.3초에 끝나면 join이 풀리고, main이 소비자들을 취소합니다(소비자는
while true 루프라 스스로 끝나지 않습니다).
크기 제한(backpressure) 덕분에 생산자가 소비자보다 훨씬 빨라도 큐가 끝없이 커지지 않습니다.]],
    en = [[
An asyncio.Queue is how tasks hand work to each other.
  • await(queue:put(item)): add; when the queue is full (maxsize), wait for room
  • await(queue:get()): take; when the queue is empty, wait for an item
  • queue:task_done(): say that one item taken has been dealt with
  • await(queue:join()): wait until every item put has been task_done'd
The producer makes an item every 0.2 s; consumers A (1.0 s per item) and B (1.3 s) share
the work. The queue holds at most 2 items.

On the timeline, watch who waits on what. At first both consumers wait in get on an
empty queue. item 1 arrives at 0.2 s and A, which waited first, takes it; B takes item 2 at
0.4 s. Both are busy, so items 3 and 4 pile up in the queue (size 2), and item 5, made at
1.0 s, has no room: the producer waits in put. At 1.2 s A finishes and takes item 3, which
makes room, and the producer wakes. It is held up once more with item 6, until 1.7 s.
When the last item is done at 4.3 s, join returns and main cancels the consumers (they
loop forever and never end by themselves).
The size limit (backpressure) keeps the queue from growing without end when the producer
is much faster than the consumers.]],
  },
  expect = {
    output = {
      "producer: put item 1, queue size 1",
      "A: got item 1",
      "producer: put item 2, queue size 1",
      "B: got item 2",
      "producer: put item 3, queue size 1",
      "producer: put item 4, queue size 2",
      "A: got item 3",
      "producer: put item 5, queue size 2",
      "B: got item 4",
      "producer: put item 6, queue size 2",
      "A: got item 5",
      "B: got item 6",
      "all items processed",
    },
    total = 4.3,
  },
  predict = { {
    ask = { ko = "item 5는 언제 큐에 들어갈까요? (만들어진 때는 1.0초)",
            en = "When does item 5 get into the queue? (It is made at 1.0 s.)" },
    choices = { "1.0초 / 1.0 s", "1.2초 / 1.2 s", "1.7초 / 1.7 s" },
    answer = 2, at = 1.2,
    why = { ko = "큐가 가득 차 있어서, A가 1.2초에 item 3을 꺼내 자리가 날 때까지 기다립니다.",
            en = "The queue is full, so it waits until A takes item 3 at 1.2 s and makes room." },
  }, {
    ask = { ko = "item 3은 누가 처리할까요?", en = "Which consumer gets item 3?" },
    choices = { "A", "B" },
    answer = 1, at = 1.2,
    why = { ko = "A가 1.2초에 먼저 일을 마칩니다. B는 1.7초에야 끝납니다.",
            en = "A is free first, at 1.2 s; B is busy until 1.7 s." },
  } },
}

local producer = async(function(queue, n)
  for i = 1, n do
    await(asyncio.sleep(0.2)) -- 만드는 데 0.2초 / 0.2 s to make an item
    local item = "item " .. i
    await(queue:put(item)) -- 가득 차면 자리가 날 때까지 기다림 / waits for room when full
    print("producer: put " .. item .. ", queue size " .. queue:qsize())
  end
end)

local consumer = async(function(name, queue, seconds)
  while true do
    local item = await(queue:get())
    print(name .. ": got " .. item)
    await(asyncio.sleep(seconds)) -- 처리 시간 / working on it
    queue:task_done()
  end
end)

main = async(function()
  local queue = asyncio.Queue(2)
  local consumers = {
    asyncio.create_task(consumer("A", queue, 1.0)),
    asyncio.create_task(consumer("B", queue, 1.3)),
  }
  await(producer(queue, 6))
  await(queue:join()) -- 모든 일감이 task_done될 때까지 / until every item is done
  for _, c in ipairs(consumers) do
    c:cancel()
  end
  print("all items processed")
end)

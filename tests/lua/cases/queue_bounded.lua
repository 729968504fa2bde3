-- Queue(maxsize=2): 꽉 차면 put이 기다리고, 기다리는 생산자들은 온 순서대로(FIFO) 깨어난다
local producer = async(function(name, q, n)
  for i = 1, n do
    local item = name .. i
    print(name, "put", item, "qsize", q:qsize(), "full", q:full())
    await(q:put(item))
    print(name, "put done", item)
  end
end)

local consumer = async(function(name, q, n, delay)
  for i = 1, n do
    await(asyncio.sleep(delay))
    local item = await(q:get())
    print(name, "got", item, "qsize", q:qsize())
    q:task_done()
  end
end)

main = async(function()
  local q = asyncio.Queue(2)
  print("maxsize", q.maxsize, q)
  local ps = {
    asyncio.create_task(producer("A", q, 3)),
    asyncio.create_task(producer("B", q, 3)),
    asyncio.create_task(producer("C", q, 2)),
  }
  await(asyncio.sleep(0))
  print("blocked:", q)
  local c1 = asyncio.create_task(consumer("x", q, 4, 0.1))
  local c2 = asyncio.create_task(consumer("y", q, 4, 0.17))
  await(asyncio.gather(ps[1], ps[2], ps[3], c1, c2))
  print("end:", q, "empty", q:empty())
end)

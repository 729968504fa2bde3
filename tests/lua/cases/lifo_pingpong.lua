-- LifoQueue(2) with two producers and two consumers: who blocks, who wakes, what is taken
local producer = async(function(name, q, n)
  for i = 1, n do
    await(q:put(name .. i))
    print(name, "put", name .. i, q)
  end
end)

local consumer = async(function(name, q, n)
  for _ = 1, n do
    local item = await(q:get())
    print(name, "got", item, q)
    await(asyncio.sleep(0))
    q:task_done()
  end
end)

main = async(function()
  local q = asyncio.LifoQueue(2)
  local ts = {
    asyncio.create_task(consumer("c1", q, 3)),
    asyncio.create_task(producer("A", q, 3)),
    asyncio.create_task(producer("B", q, 3)),
    asyncio.create_task(consumer("c2", q, 3)),
  }
  await(q:join())
  print("joined", q)
  await(asyncio.gather(table.unpack(ts)))
  print("end", q)
end)

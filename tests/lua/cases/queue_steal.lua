-- Queue: a woken getter whose item is taken by get_nowait first waits again at the back;
-- a woken getter does not take the item before it runs (QueueFull meanwhile)
local getter = async(function(name, q)
  local v = await(q:get())
  print(name, "got", v)
  return v
end)

main = async(function()
  local q = asyncio.Queue(1)
  local g1 = asyncio.create_task(getter("g1", q))
  local g2 = asyncio.create_task(getter("g2", q))
  await(asyncio.sleep(0))
  print(q)
  q:put_nowait("one")          -- wakes g1
  print("after put:", q)
  local ok, e = pcall(q.put_nowait, q, "two")
  print("second put_nowait:", ok, e.type, repr(tostring(e)))
  print("stolen:", q:get_nowait()) -- g1 is woken but finds it empty: waits again, behind g2
  await(asyncio.sleep(0))
  print("after g1 ran:", q)
  q:put_nowait("A")
  await(asyncio.sleep(0))
  q:put_nowait("B")
  await(asyncio.sleep(0))
  print("end:", q, g1:done(), g2:done())

  -- maxsize 0 and negative: never full
  for _, m in ipairs({0, -3}) do
    local u = asyncio.Queue(m)
    for i = 1, 5 do u:put_nowait(i) end
    print("maxsize", m, "qsize", u:qsize(), "full", u:full(), u)
  end

  -- a LifoQueue with maxsize 2 and waiting putters
  local lq = asyncio.LifoQueue(2)
  local puts = {}
  for i = 1, 4 do puts[i] = asyncio.create_task(lq:put(i)) end
  await(asyncio.sleep(0))
  print(lq)
  local got = {}
  for i = 1, 4 do
    got[#got + 1] = await(lq:get())
    await(asyncio.sleep(0))
  end
  print("lifo got:", got, lq)
end)

-- 꽉 찬 Queue: 자리가 나서 깨어난 put이 실행 전에 취소되면 다음 put에게 자리를 넘긴다; LifoQueue는 마지막에 넣은 것부터
local putter = async(function(name, q, item)
  local ok, e = pcall(function() return await(q:put(item)) end)
  if ok then
    print(name, "put", item)
  else
    print(name, "cancelled;", q)
    error(e, 0)
  end
end)

main = async(function()
  local q = asyncio.Queue(1)
  q:put_nowait("x")
  local p = {}
  for i, name in ipairs({"p1", "p2", "p3"}) do p[i] = asyncio.create_task(putter(name, q, name .. "-item")) end
  await(asyncio.sleep(0))
  print(q)
  print("got", q:get_nowait()) -- frees the slot and wakes p1
  p[1]:cancel()                 -- p1 cancelled before it runs: p2 gets the slot
  await(asyncio.sleep(0))
  await(asyncio.sleep(0))
  print(q)
  print("got", q:get_nowait())
  await(asyncio.sleep(0))
  print(q, "p1 cancelled?", p[1]:cancelled())

  local lifo = asyncio.LifoQueue()
  for i = 1, 3 do lifo:put_nowait(i) end
  print(lifo, isinstance(lifo, asyncio.Queue), isinstance(lifo, asyncio.LifoQueue))
  print(await(lifo:get()), lifo:get_nowait(), await(lifo:get()), lifo:empty())
end)

-- 빈 Queue에서 기다리는 get들은 온 순서대로 깨어난다; 깨어난 뒤 취소된 get은 항목을 다음 차례에 넘긴다
local getter = async(function(name, q)
  local ok, r = pcall(function() return await(q:get()) end)
  if ok then
    print(name, "got", r)
  else
    print(name, "cancelled", r.type, "qsize", q:qsize())
    error(r, 0)
  end
end)

main = async(function()
  local q = asyncio.Queue()
  local g = {}
  for i, name in ipairs({"g1", "g2", "g3", "g4"}) do g[i] = asyncio.create_task(getter(name, q)) end
  await(asyncio.sleep(0))
  print("waiting:", q)
  q:put_nowait("first")
  q:put_nowait("second")
  print("after two puts:", q)
  g[1]:cancel() -- woken by the first put but not yet run: it must pass the item on
  await(asyncio.sleep(0))
  await(asyncio.sleep(0))
  print("now:", q)
  -- a getter cancelled while still waiting takes nothing
  g[4]:cancel()
  await(asyncio.sleep(0))
  q:put_nowait(nil) -- None is an item like any other
  q:put_nowait("last")
  await(asyncio.sleep(0))
  print("end:", q, "g1", g[1]:cancelled(), "g4", g[4]:cancelled())
  print("left:", q:get_nowait())
end)

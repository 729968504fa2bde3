-- as_completed(timeout=0): a future already done still comes out first, the rest time out
-- (one done future only: CPython orders several by set order);
-- wait_for on Queue.get that times out loses no item put afterwards
local job = async(function(d) await(asyncio.sleep(d)) return d end)

main = async(function()
  local f = asyncio.Future()
  f:set_result("ready")
  local t = asyncio.create_task(job(0.1))
  local g = asyncio.Future()
  g:set_exception(ValueError("bad"))
  print("g:", g:exception())
  for aw in asyncio.as_completed({f, t}, {timeout = 0}) do
    local ok, r = pcall(function() return await(aw) end)
    print(ok, ok and r or (r.type .. " " .. tostring(r)))
  end
  print("t:", await(t))

  local q = asyncio.Queue()
  local ok, e = pcall(function() return await(asyncio.wait_for(q:get(), 0.1)) end)
  print("get timed out:", ok, e.type, q)
  q:put_nowait("x")
  print("then:", await(asyncio.wait_for(q:get(), 0.1)), q)
  local q1 = asyncio.Queue(1)
  q1:put_nowait(1)
  ok, e = pcall(function() return await(asyncio.wait_for(q1:put(2), 0.1)) end)
  print("put timed out:", ok, e.type, q1)
  print(q1:get_nowait(), q1:empty())
end)

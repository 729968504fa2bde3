-- several tasks await one Future: set_result wakes them in the order they started waiting;
-- a Future cancelled under a waiting task makes that task end cancelled
local waiter = async(function(name, f)
  print(name, "waits")
  local v = await(f)
  print(name, "got", v)
  return v
end)

main = async(function()
  local f = asyncio.Future()
  local loop = asyncio.get_event_loop()
  local ts = {}
  for _, n in ipairs({"w1", "w2", "w3"}) do ts[#ts + 1] = asyncio.create_task(waiter(n, f)) end
  f:add_done_callback(function() print("plain callback") end)
  await(asyncio.sleep(0.1))
  loop:call_soon(function() print("call_soon queued before set_result") end)
  f:set_result("shared")
  print("set_result returned")
  await(asyncio.sleep(0))
  print("results:", ts[1]:result(), ts[2]:result(), ts[3]:result())

  local g = asyncio.Future()
  local t = asyncio.create_task(waiter("w4", g))
  await(asyncio.sleep(0))
  g:cancel()
  local ok, e = pcall(function() return await(t) end)
  print("w4 task:", e.type, "cancelled?", t:cancelled())
end)

-- Event: wait_for on ev:wait() times out and leaves no waiter behind; a waiter cancelled
-- after set() but before it runs; set/clear/set in one step wakes each waiter once;
-- an Event waited on by a task made straight from ev:wait()
local function state(ev) return tostring(ev):match("%[(.*)%]") end

local waiter = async(function(name, ev)
  local ok, e = pcall(function() return await(ev:wait()) end)
  print(name, ok and "woke" or ("cancelled " .. e.type), state(ev))
  if not ok then error(e, 0) end
end)

main = async(function()
  local ev = asyncio.Event()
  local ok, e = pcall(function() return await(asyncio.wait_for(ev:wait(), 0.2)) end)
  print("wait_for:", ok, e.type, state(ev))

  local a = asyncio.create_task(waiter("a", ev))
  local b = asyncio.create_task(waiter("b", ev))
  await(asyncio.sleep(0))
  print(state(ev))
  ev:set()
  b:cancel()   -- b's future is already done: b runs and is cancelled at its await
  print("set, b cancelled:", state(ev))
  await(asyncio.sleep(0))
  print("after:", state(ev), a:done(), b:cancelled())

  ev:clear()
  local c = asyncio.create_task(waiter("c", ev))
  local t = asyncio.create_task(ev:wait())
  await(asyncio.sleep(0))
  print(state(ev))
  ev:set() ev:clear() ev:set()
  await(asyncio.sleep(0))
  print("t:", t:done(), t:result(), state(ev))
  print("is_set:", ev:is_set())
  -- timeout 0 on a coroutine: its task never runs, so even a set event times out (exit 1)
  print("set + timeout 0:", await(asyncio.wait_for(ev:wait(), 0)))
end)

-- cancel() after the awaited future is already done but before the task resumed: the task gets
-- CancelledError instead of the value; a task that cancels itself and returns ends cancelled
local waiter = async(function(f)
  local ok, v = pcall(function() return await(f) end)
  if ok then print("waiter got value", v) else print("waiter got", v.type) end
  return "waiter returned"
end)

local self_cancel = async(function(catch)
  asyncio.current_task():cancel()
  if catch then
    local ok, e = pcall(function() await(asyncio.sleep(1)) end)
    print("self_cancel caught", e.type)
    await(asyncio.sleep(0))
    print("self_cancel still running")
  end
  return "self value"
end)

main = async(function()
  local f = asyncio.Future()
  local t = asyncio.create_task(waiter(f))
  await(asyncio.sleep(0))
  f:set_result("v")
  print("cancel woken task:", t:cancel())
  print("result:", await(t), t:cancelled())

  local s1 = asyncio.create_task(self_cancel(false))
  local s2 = asyncio.create_task(self_cancel(true))
  await(asyncio.sleep(0.1))
  print("s1 cancelled?", s1:cancelled(), "s2:", s2:cancelled(), s2:result())
end)

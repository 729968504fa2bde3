-- a task that fails in its first step (before any await): when it runs, what main sees, and
-- done callbacks on a task that ends cancelled before it ever started
local boom = async(function(name)
  print(name, "runs")
  error(ValueError(name .. " failed at once"))
end)

local never = async(function() print("never runs") end)

main = async(function()
  local t = asyncio.create_task(boom("t"))
  print("created, done?", t:done())
  local n = asyncio.create_task(never())
  n:add_done_callback(function(f) print("callback: cancelled?", f:cancelled(), "done?", f:done()) end)
  print("cancel unstarted:", n:cancel())
  await(asyncio.sleep(0))
  print("after one step: t done?", t:done(), "exception:", t:exception())
  local ok, e = pcall(function() return await(boom("direct")) end)
  print("direct await:", ok, tostring(e))
  print("n cancelled?", n:cancelled())
end)

-- a coroutine object can be awaited only once; wrapping a used one in a task fails too
local co = async(function() await(asyncio.sleep(0.1)); return "value" end)

main = async(function()
  local c = co()
  print("first:", await(c))
  local ok, e = pcall(function() return await(c) end)
  print("second:", ok, e.type, tostring(e))
  local ok2, e2 = pcall(function() return asyncio.create_task(5) end)
  print("create_task(5):", ok2, e2.type)
  local ok3, e3 = pcall(function() return await(5) end)
  print("await(5):", ok3, e3.type)
end)

-- task:cancel(msg) on a task awaiting a gather: the message reaches the gather's children and
-- comes back to the task
local child = async(function(name)
  local ok, e = pcall(function() await(asyncio.sleep(5)) end)
  print(name, "got", repr(tostring(e)))
  error(e, 0)
end)

local parent = async(function()
  local ok, e = pcall(function() return await(asyncio.gather(child("x"), child("y"))) end)
  print("parent got", e.type, repr(tostring(e)))
  error(e, 0)
end)

main = async(function()
  local p = asyncio.create_task(parent())
  await(asyncio.sleep(0.5))
  p:cancel("shutting down")
  local ok, e = pcall(function() return await(p) end)
  print("main got", e.type, repr(tostring(e)), p:cancelled())
end)

-- a task that catches CancelledError and returns normally is not cancelled; awaiting a task
-- that awaits another task cancels the inner one too
local inner = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(10)) end)
  print("inner caught", e.type)
  error(e, 0)
end)

local outer = async(function(t)
  local ok, e = pcall(function() return await(t) end)
  print("outer caught", e.type, "inner cancelled?", t:cancelled())
  return "outer recovered"
end)

main = async(function()
  local it = asyncio.create_task(inner())
  local ot = asyncio.create_task(outer(it))
  await(asyncio.sleep(0.5))
  print("cancel outer:", ot:cancel())
  local r = await(ot)
  print("outer result:", r, "cancelled?", ot:cancelled(), "inner:", it:cancelled())
end)

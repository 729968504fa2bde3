-- cancelling one child of a gather (no return_exceptions): the gather raises CancelledError,
-- the other children keep running
local w = async(function(name, d)
  await(asyncio.sleep(d))
  print(name, "finished")
  return name
end)

main = async(function()
  local a = asyncio.create_task(w("a", 1))
  local b = asyncio.create_task(w("b", 2))
  local g = asyncio.gather(a, b)
  await(asyncio.sleep(0.5))
  print("cancel a:", a:cancel())
  local ok, e = pcall(function() return await(g) end)
  print("gather:", ok, e.type, "g cancelled?", g:cancelled(), "b done?", b:done())
  await(asyncio.sleep(2))
  print("b:", b:result())
end)

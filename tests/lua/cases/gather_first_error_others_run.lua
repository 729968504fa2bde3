-- without return_exceptions the first error propagates at once; the other children keep running
-- and a second error is not reported as "never retrieved"
local child = async(function(name, d, fail)
  await(asyncio.sleep(d))
  if fail then
    print(name, "raising")
    error(RuntimeError(name .. " failed"))
  end
  print(name, "finished")
  return name
end)

main = async(function()
  local g = asyncio.gather(child("a", 0.3, false), child("b", 0.1, true), child("c", 0.2, true),
                           child("d", 0.5, false))
  local ok, e = pcall(function() return await(g) end)
  print("gather raised:", ok, e.type, tostring(e))
  print("gather done?", g:done(), "cancelled?", g:cancelled())
  print("gather exception:", tostring(g:exception()))
  await(asyncio.sleep(1))
  print("end")
end)

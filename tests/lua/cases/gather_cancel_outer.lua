-- cancelling a gather (no return_exceptions) with a message: children get it, the gather ends
-- with an error rather than cancelled, and the awaiting task sees CancelledError
local child = async(function(name, d)
  local ok, e = pcall(function() await(asyncio.sleep(d)) end)
  if ok then print(name, "finished"); return name end
  print(name, "got", e.type, repr(tostring(e)))
  error(e, 0)
end)

main = async(function()
  local g = asyncio.gather(child("a", 0.1), child("b", 5), child("c", 5))
  await(asyncio.sleep(0.5))
  print("cancel ->", g:cancel("enough"), "again ->", g:cancel())
  local ok, e = pcall(function() return await(g) end)
  print("await g:", ok, e.type, repr(tostring(e)))
  print("g cancelled?", g:cancelled(), "done?", g:done())
  print("cancel done gather ->", g:cancel())
end)

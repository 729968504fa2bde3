-- asyncio.run inside a running loop fails; the coroutine passed to it is never awaited
local inner = async(function() return "inner" end)
main = async(function()
  local ok, e = pcall(function() return asyncio.run(inner()) end)
  print("nested run:", ok, e.type, tostring(e))
end)

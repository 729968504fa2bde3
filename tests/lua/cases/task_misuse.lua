-- messages of misuse errors: a task awaiting itself, set_result on a Task, result()/exception()
-- of a pending task
local selfish
selfish = async(function()
  local me = asyncio.current_task()
  local ok, e = pcall(function() return await(me) end)
  print("await self:", ok, e.type, (tostring(e):match("^[^:]*")))
  return "ok"
end)

local slow = async(function() await(asyncio.sleep(1)) end)

main = async(function()
  print(await(asyncio.create_task(selfish())))
  local t = asyncio.create_task(slow())
  for _, m in ipairs({"result", "exception"}) do
    local ok, e = pcall(function() return t[m](t) end)
    print(m .. "():", ok, e.type, tostring(e))
  end
  local ok, e = pcall(function() t:set_result(1) end)
  print("set_result:", ok, e.type, tostring(e))
  ok, e = pcall(function() t:set_exception(ValueError("x")) end)
  print("set_exception:", ok, e.type, tostring(e))
  t:cancel()
end)

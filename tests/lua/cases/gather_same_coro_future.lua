-- gather with the same coroutine object twice (it runs once), and with a plain Future set later;
-- the tasks gather makes get the next default names
local w = async(function(name)
  print("run", name, asyncio.current_task():get_name())
  await(asyncio.sleep(0.1))
  return name
end)

main = async(function()
  local c = w("shared")
  local f = asyncio.Future()
  asyncio.get_event_loop():call_later(0.2, function() f:set_result("from future") end)
  local res = await(asyncio.gather(c, w("other"), c, f))
  print(res)
  local t = asyncio.create_task(w("after"))
  await(t)
end)

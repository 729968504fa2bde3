-- a callback added to an already-done future is scheduled at once: removing it afterwards
-- finds nothing (returns 0) and it still runs
main = async(function()
  local f = asyncio.Future()
  f:set_result("done")
  local function cb(fut) print("cb ran with", fut:result()) end
  f:add_done_callback(cb)
  print("removed:", f:remove_done_callback(cb))
  await(asyncio.sleep(0))
  print("end")
end)

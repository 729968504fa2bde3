-- remove_done_callback removes every registration of that function and returns how many
main = async(function()
  local f = asyncio.Future()
  local function a(fut) print("a", fut:result()) end
  local function b(fut) print("b", fut:result()) end
  f:add_done_callback(a)
  f:add_done_callback(b)
  f:add_done_callback(a)
  print("removed a:", f:remove_done_callback(a))
  print("removed a again:", f:remove_done_callback(a))
  f:add_done_callback(a)
  f:set_result(7)
  print("removed b after set_result:", f:remove_done_callback(b))
  await(asyncio.sleep(0))
  print("end")
end)

-- InvalidStateError and CancelledError from Future methods in each state
local function try(label, fn)
  local ok, e = pcall(fn)
  if ok then print(label, "ok", e) else print(label, "raised", e.type) end
end

main = async(function()
  local f = asyncio.Future()
  try("pending exception()", function() return f:exception() end)
  try("pending result()", function() return f:result() end)
  print("cancel pending:", f:cancel(), f:cancelled(), f:done())
  print("cancel again:", f:cancel())
  try("cancelled result()", function() return f:result() end)
  try("cancelled exception()", function() return f:exception() end)
  try("cancelled set_result", function() f:set_result(1) end)
  try("cancelled set_exception", function() f:set_exception(ValueError("v")) end)

  local g = asyncio.Future()
  g:set_exception(ValueError("boom"))
  print("errored cancel:", g:cancel(), g:cancelled())
  print("errored exception():", g:exception().type, tostring(g:exception()))
  try("errored result()", function() return g:result() end)
  try("errored set_result", function() g:set_result(2) end)

  local h = asyncio.Future()
  h:set_result(nil)
  print("nil result:", h:result(), h:exception(), h:done())
end)

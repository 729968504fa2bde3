-- 에러 값: e.type, e.message, tostring(e), isinstance
-- e.type → type(e).__name__, e.message → e.args[0]
local raise_it = async(function(kind)
  await(asyncio.sleep(0.1))
  if kind == "value" then error(ValueError("bad input"))
  elseif kind == "runtime" then error(RuntimeError("loop is closed"))
  elseif kind == "type" then error(TypeError("expected a string"))
  else error(Exception("plain exception")) end
end)

main = async(function()
  for _, kind in ipairs({ "value", "runtime", "type", "plain" }) do
    local ok, e = pcall(function() await(raise_it(kind)) end)
    print(kind, ok, e.type, e.message, tostring(e))
    print("  ValueError?", isinstance(e, ValueError), "RuntimeError?", isinstance(e, RuntimeError),
          "Exception?", isinstance(e, Exception))
  end
  local e = TimeoutError("took too long")
  print(e.type, tostring(e), isinstance(e, Exception), isinstance(e, CancelledError))
  print("printed directly:", ValueError("as message"))
end)

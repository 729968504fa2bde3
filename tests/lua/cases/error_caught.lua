-- try/except는 pcall: await 너머로 던져진 에러를 잡는다
local risky_operation = async(function()
  await(asyncio.sleep(1))
  error(ValueError("This is a test error"))
end)

main = async(function()
  local start = time.monotonic()
  local ok, e = pcall(function()
    await(risky_operation())
    print("not reached")
  end)
  if not ok and isinstance(e, ValueError) then
    print("Caught an error: " .. tostring(e))
  end
  print(string.format("main continues at %.1f", time.monotonic() - start))
end)

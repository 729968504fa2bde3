-- return_exceptions 없이: 첫 에러가 await한 쪽으로 전파되고, 나머지 자식은 계속 실행된다
local fail_soon = async(function()
  await(asyncio.sleep(1))
  print("fail_soon: raising")
  error(ValueError("Error in fail_soon"))
end)

local slow_ok = async(function()
  await(asyncio.sleep(2))
  print("slow_ok: still finished")
  return "slow result"
end)

main = async(function()
  local start = time.monotonic()
  local ok, e = pcall(function()
    return await(asyncio.gather(fail_soon(), slow_ok()))
  end)
  print("ok:", ok)
  print(string.format("caught %s: %s at %.1f", e.type, tostring(e), time.monotonic() - start))
  await(asyncio.sleep(1.5))
  print(string.format("main done at %.1f", time.monotonic() - start))
end)

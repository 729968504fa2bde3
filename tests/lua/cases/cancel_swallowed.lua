-- 태스크가 CancelledError를 잡고 값을 돌려주면, 취소되지 않고 정상 완료된다
local stubborn = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(5)) end)
  print("stubborn caught:", e.type)
  await(asyncio.sleep(0.5))  -- 정리 작업
  return "finished anyway"
end)

main = async(function()
  local start = time.monotonic()
  local t = asyncio.create_task(stubborn())
  await(asyncio.sleep(1))
  t:cancel()
  local r = await(t)
  print("result:", r)
  print("cancelled?", t:cancelled(), "done?", t:done())
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

-- 끝난 태스크를 다시 await하면 같은 결과를 바로 돌려준다
local compute = async(function()
  print("compute runs once")
  await(asyncio.sleep(1))
  return { "a", "b", 3 }
end)

main = async(function()
  local start = time.monotonic()
  local t = asyncio.create_task(compute())
  local r1 = await(t)
  print(string.format("first await at %.1f", time.monotonic() - start), r1)
  local r2 = await(t)
  print(string.format("second await at %.1f", time.monotonic() - start), r2)
  print("same object:", r1 == r2, r1 == t:result())
  print("result():", t:result(), t:done())
  local both = await(asyncio.gather(t, t))
  print("gathered twice:", both[1] == r1, both[2] == r1, #both)
end)

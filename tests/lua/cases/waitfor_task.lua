-- wait_for에 태스크를 넘기면 시간 초과 때 그 태스크가 취소된다; 취소를 삼키고 값을 돌려주면 TimeoutError 대신 그 값
local sleeper = async(function(d)
  await(asyncio.sleep(d))
  return "slept " .. d
end)

local stubborn = async(function()
  local ok = pcall(function() await(asyncio.sleep(10)) end)
  print("stubborn: swallowed the cancellation")
  return "stubborn result"
end)

main = async(function()
  local start = time.monotonic()
  local t = asyncio.create_task(sleeper(3), {name = "sleeper"})
  local ok, e = pcall(function() return await(asyncio.wait_for(t, 1)) end)
  print("timed out:", not ok and e.type, "task cancelled?", t:cancelled(), "done?", t:done())

  local t2 = asyncio.create_task(sleeper(0.5))
  print("finished task:", await(asyncio.wait_for(t2, 1)))
  print("again, already done:", await(asyncio.wait_for(t2, 1)))

  print("stubborn:", await(asyncio.wait_for(stubborn(), 1)))
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

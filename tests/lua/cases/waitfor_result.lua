-- wait_for: 제때 끝나면 결과를 돌려준다. timeout=nil이면 태스크 없이 그 자리에서 await, 0이면 즉시 판정
local job = async(function(name, delay, value)
  print(name .. ": runs in", asyncio.current_task():get_name())
  await(asyncio.sleep(delay))
  return value
end)

main = async(function()
  local start = time.monotonic()
  print("in time:", await(asyncio.wait_for(job("a", 0.5, "A"), 1)))
  print(string.format("elapsed %.1f", time.monotonic() - start))
  print("no timeout:", await(asyncio.wait_for(job("b", 3, "B"), nil)))
  print(string.format("elapsed %.1f", time.monotonic() - start))
  print("returns None:", await(asyncio.wait_for(job("c", 0.1, nil), 2)))

  -- timeout 0: a task that is not done yet is cancelled before it ever runs
  local ok, e = pcall(function() return await(asyncio.wait_for(job("d", 0.1, "D"), 0)) end)
  print("timeout 0:", ok, e.type)
  -- timeout 0 on a future that is already done: its result
  local f = asyncio.get_running_loop():create_future()
  f:set_result("ready")
  print("done future, timeout 0:", await(asyncio.wait_for(f, 0)))
  -- the timer of a finished wait_for is cancelled: nothing fires later
  await(asyncio.sleep(2))
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

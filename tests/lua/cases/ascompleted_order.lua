-- as_completed: 끝나는 순서대로 결과를 받는다 (에러도 그 차례에 올라온다)
local job = async(function(name, delay, fail)
  await(asyncio.sleep(delay))
  if fail then error(ValueError(name .. " failed")) end
  return name .. " after " .. string.format("%.1f", delay)
end)

main = async(function()
  local start = time.monotonic()
  local tasks = {
    asyncio.create_task(job("slow", 0.3)),
    asyncio.create_task(job("fast", 0.1)),
    asyncio.create_task(job("broken", 0.2, true)),
    asyncio.create_task(job("medium", 0.25)),
  }
  local n = 0
  for aw in asyncio.as_completed(tasks) do
    n = n + 1
    local ok, r = pcall(function() return await(aw) end)
    print(n, ok, tostring(r), string.format("at %.2f", time.monotonic() - start))
  end
  -- coroutines are wrapped in tasks; one already finished future comes first
  local f = asyncio.Future()
  f:set_result("ready")
  for aw in asyncio.as_completed({job("x", 0.2), f}) do
    print(await(aw))
  end
  print("tasks left:", #asyncio.all_tasks())
end)

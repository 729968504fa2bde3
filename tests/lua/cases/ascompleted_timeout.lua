-- as_completed(timeout=): 시간이 다 되면 남은 차례마다 TimeoutError; 남은 태스크는 취소되지 않는다
local job = async(function(name, delay)
  await(asyncio.sleep(delay))
  print("  " .. name .. " finished")
  return name
end)

main = async(function()
  local start = time.monotonic()
  local tasks = {}
  for i, d in ipairs({0.5, 3, 1, 2}) do
    tasks[i] = asyncio.create_task(job("job" .. i, d))
  end
  for aw in asyncio.as_completed(tasks, {timeout = 1.5}) do
    local ok, r = pcall(function() return await(aw) end)
    if ok then
      print("got", r, string.format("at %.1f", time.monotonic() - start))
    else
      print("error", r.type, string.format("at %.1f", time.monotonic() - start))
    end
  end
  print("job2 cancelled?", tasks[2]:cancelled(), "done?", tasks[2]:done())
  await(asyncio.gather(tasks[2], tasks[4]))
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

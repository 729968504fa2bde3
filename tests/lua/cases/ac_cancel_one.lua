-- as_completed: an awaitable given up on by wait_for takes no result with it; the next
-- awaitable gets the first result
local job = async(function(name, d) await(asyncio.sleep(d)) return name end)

main = async(function()
  local t0 = asyncio.get_running_loop():time()
  local tasks = {asyncio.create_task(job("a", 0.2)), asyncio.create_task(job("b", 0.4)),
                 asyncio.create_task(job("c", 0.6))}
  local i = 0
  for aw in asyncio.as_completed(tasks) do
    i = i + 1
    if i == 1 then
      local ok, e = pcall(function() return await(asyncio.wait_for(aw, 0.1)) end)
      print(i, "gave up:", ok, e.type, string.format("%.1f", asyncio.get_running_loop():time() - t0))
    else
      print(i, await(aw), string.format("%.1f", asyncio.get_running_loop():time() - t0))
    end
    if i == 3 then break end
  end
  print("c done?", tasks[3]:done())
  -- twice cancelling a task that has not started: True both times, and it never runs
  local t = asyncio.create_task(job("never", 0))
  print("cancel:", t:cancel(), t:cancel(), t:cancelled())
  local ok, e = pcall(function() return await(t) end)
  print("awaited:", ok, e.type, t:cancelled(), t:cancel())
  -- a task that swallows one cancellation goes on, and can be cancelled again
  local stubborn = asyncio.create_task(async(function()
    local ok1 = pcall(function() await(asyncio.sleep(1)) end)
    print("  swallowed once:", not ok1)
    await(asyncio.sleep(1))
    print("  not reached")
  end)())
  await(asyncio.sleep(0.1))
  stubborn:cancel()
  await(asyncio.sleep(0.1))
  print("still running?", not stubborn:done())
  stubborn:cancel()
  local ok2, e2 = pcall(function() return await(stubborn) end)
  print("second cancel:", ok2, e2.type, stubborn:cancelled())
end)

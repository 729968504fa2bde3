-- asyncio.wait(timeout=): 시간이 다 되면 그때까지 끝난 것과 남은 것을 돌려준다 (TimeoutError 없음, 취소도 없음)
local job = async(function(name, delay)
  await(asyncio.sleep(delay))
  print("  " .. name .. " finished")
  return name
end)

local function names(list)
  local out = {}
  for i, t in ipairs(list) do out[i] = t:get_name() end
  return out
end

main = async(function()
  local start = time.monotonic()
  local tasks = {}
  for i, d in ipairs({2, 0.5, 3, 1}) do
    tasks[i] = asyncio.create_task(job("job" .. i, d), {name = "job" .. i})
  end
  local done, pending = await(asyncio.wait(tasks, {timeout = 1.5}))
  print("after 1.5 s: done", names(done), "pending", names(pending))
  print(string.format("elapsed %.1f", time.monotonic() - start))
  for _, t in ipairs(pending) do print(t:get_name(), "cancelled?", t:cancelled(), "done?", t:done()) end
  -- a future given twice counts once
  done, pending = await(asyncio.wait({pending[1], pending[1], pending[2]}, {timeout = 10}))
  print("done", names(done), "pending", names(pending))
  print(string.format("elapsed %.1f", time.monotonic() - start))
  -- the timeout's timer is cancelled once everything is done: no late wake-up
  local f = asyncio.Future()
  asyncio.get_running_loop():call_later(0.2, function() f:set_result("set") end)
  done, pending = await(asyncio.wait({f}, {timeout = 5}))
  print("future done:", #done, "result:", done[1]:result())
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

-- wait_for(cond:wait(), 0.1): on timeout the wait must take the lock back before it ends,
-- so TimeoutError comes only when the holder lets go, and the caller holds the lock again
local function at() return string.format("%.1f", asyncio.get_running_loop():time() - T0) end

local holder = async(function(cond)
  await(cond:acquire())
  print("holder has the lock at", at())
  await(asyncio.sleep(0.5))
  cond:release()
  print("holder released at", at())
end)

main = async(function()
  T0 = asyncio.get_running_loop():time()
  local cond = asyncio.Condition()
  await(cond:acquire())
  local h = asyncio.create_task(holder(cond))
  await(asyncio.sleep(0))
  local ok, e = pcall(function() return await(asyncio.wait_for(cond:wait(), 0.1)) end)
  print("wait_for:", ok, e.type, "at", at(), "locked?", cond:locked())
  cond:release()
  await(h)
  -- with the lock free, the timeout comes on time
  await(cond:acquire())
  ok, e = pcall(function() return await(asyncio.wait_for(cond:wait(), 0.1)) end)
  print("wait_for:", ok, e.type, "at", at(), "locked?", cond:locked())
  cond:release()
  -- notified before the timeout: True
  await(cond:acquire())
  asyncio.get_running_loop():call_later(0.05, function()
    asyncio.create_task(async(function()
      await(cond:acquire()) cond:notify() cond:release()
    end)())
  end)
  print("notified:", await(asyncio.wait_for(cond:wait(), 0.1)), "at", at(), cond:locked())
  cond:release()
end)

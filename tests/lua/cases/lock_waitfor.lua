-- Lock with wait_for: a timed-out acquire; an acquire handed the lock before its timeout;
-- Condition(lock) shares the lock; notify(0) and notify(n > waiters)
local holder = async(function(lock, d)
  await(lock:acquire())
  await(asyncio.sleep(d))
  lock:release()
  print("holder released at", asyncio.get_running_loop():time())
end)

local function state(x) return tostring(x):match("%[(.*)%]") end

main = async(function()
  local lock = asyncio.Lock()
  local h = asyncio.create_task(holder(lock, 1))
  await(asyncio.sleep(0))
  local ok, e = pcall(function() return await(asyncio.wait_for(lock:acquire(), 0.5)) end)
  print("timed out:", ok, e.type, state(lock))
  local waiter2 = asyncio.create_task(asyncio.wait_for(lock:acquire(), 0.6))
  local ok2, r2 = pcall(function() return await(waiter2) end)
  print("before its timeout:", ok2, ok2 and r2 or r2.type, state(lock))
  if ok2 then lock:release() end

  -- a Condition over an existing lock: acquiring one locks the other
  local cond = asyncio.Condition(lock)
  await(cond:acquire())
  print("lock via cond:", lock:locked(), state(cond))
  lock:release()
  print("released via lock:", cond:locked())
  -- notify(0) wakes nobody; notify with more than waiting wakes all
  local woke = {}
  local w = async(function(name)
    await(cond:acquire())
    await(cond:wait())
    woke[#woke + 1] = name
    cond:release()
  end)
  local ws = {}
  for i = 1, 3 do ws[i] = asyncio.create_task(w("w" .. i)) end
  await(asyncio.sleep(0))
  await(cond:acquire())
  cond:notify(0)
  print("notify(0):", state(cond))
  cond:notify(10)
  print("notify(10):", state(cond))
  cond:release()
  await(asyncio.gather(table.unpack(ws)))
  print("woke:", woke)
end)

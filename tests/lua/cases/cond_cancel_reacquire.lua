-- Condition.wait: cancelled while re-acquiring the lock it keeps trying, and raises only
-- once it holds the lock; wait_for with a predicate that raises; wait_for cancelled
local function state(x) return tostring(x):match("%[(.*)%]") end

local w = async(function(name, cond)
  await(cond:acquire())
  local ok, e = pcall(function() return await(cond:wait()) end)
  print(name, ok, ok and e or e.type, "holds lock?", cond:locked(), state(cond))
  cond:release()
  if not ok then error(e, 0) end
end)

main = async(function()
  local cond = asyncio.Condition()
  local a = asyncio.create_task(w("a", cond))
  local b = asyncio.create_task(w("b", cond))
  await(asyncio.sleep(0))
  await(cond:acquire())
  cond:notify_all()
  await(asyncio.sleep(0)) -- a and b now wait for the lock
  print("waiting for the lock:", state(cond))
  a:cancel()
  await(asyncio.sleep(0))
  a:cancel()
  await(asyncio.sleep(0))
  print("a cancelled twice, still waiting:", a:done())
  cond:release()
  local r = await(asyncio.gather(a, b, {return_exceptions = true}))
  print("a:", a:cancelled(), "b:", b:done(), state(cond))

  -- a predicate that raises: the error comes out of wait_for with the lock held
  local n = 0
  local p = async(function()
    await(cond:acquire())
    local ok, e = pcall(function()
      return await(cond:wait_for(function()
        n = n + 1
        if n == 2 then error(ValueError("bad predicate")) end
        return false
      end))
    end)
    print("predicate:", ok, e.type, tostring(e), "locked?", cond:locked())
    cond:release()
  end)
  local pt = asyncio.create_task(p())
  await(asyncio.sleep(0))
  await(cond:acquire())
  cond:notify()
  cond:release()
  await(pt)
  print("calls:", n, state(cond))

  -- wait_for cancelled while waiting: no waiter left behind, lock reacquired then released
  local q = async(function()
    await(cond:acquire())
    local ok, e = pcall(function() return await(cond:wait_for(function() return false end)) end)
    print("wait_for cancelled:", ok, e.type, "locked?", cond:locked(), state(cond))
    cond:release()
    error(e, 0)
  end)
  local qt = asyncio.create_task(q())
  await(asyncio.sleep(0.1))
  qt:cancel()
  local ok, e = pcall(function() return await(qt) end)
  print("qt:", ok, e.type, qt:cancelled(), state(cond))
end)

-- wait_for: the inner task cancelled by someone else; the inner turning the cancellation
-- into another error; the outer cancelled in the same step the inner finished
local sleeper = async(function(d)
  await(asyncio.sleep(d))
  return "slept"
end)

local converts = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(10)) end)
  print("converts: caught", e.type)
  error(ValueError("cleanup failed"))
end)

local waiter = async(function(aw, timeout)
  local ok, r = pcall(function() return await(asyncio.wait_for(aw, timeout)) end)
  if ok then print("waiter: result", r) return r end
  print("waiter: error", r.type, repr(tostring(r)))
  error(r, 0)
end)

main = async(function()
  -- (1) someone else cancels the inner task: wait_for raises CancelledError
  local inner = asyncio.create_task(sleeper(5))
  local w = asyncio.create_task(waiter(inner, 2))
  await(asyncio.sleep(0.5))
  inner:cancel()
  local ok, e = pcall(function() return await(w) end)
  print("1:", ok, e.type, "w cancelled?", w:cancelled(), "inner cancelled?", inner:cancelled())

  -- (2) timeout; the inner raises ValueError while being cancelled: that error comes out
  w = asyncio.create_task(waiter(converts(), 1))
  ok, e = pcall(function() return await(w) end)
  print("2:", ok, e.type, tostring(e), w:cancelled())

  -- (3) the inner future completes and the outer is cancelled in the same step:
  --     wait_for returns the result and the task is not cancelled
  local f = asyncio.Future()
  w = asyncio.create_task(waiter(f, 5))
  await(asyncio.sleep(0))
  f:set_result("just in time")
  print("cancel ->", w:cancel())
  ok, e = pcall(function() return await(w) end)
  print("3:", ok, ok and e or e.type, "cancelled?", w:cancelled())

  -- (4) the outer cancelled while wait_for waits; the inner swallows the cancellation
  local stubborn = async(function()
    pcall(function() await(asyncio.sleep(10)) end)
    print("stubborn: swallowed")
    return "stubborn value"
  end)
  w = asyncio.create_task(waiter(stubborn(), 5))
  await(asyncio.sleep(0.2))
  w:cancel()
  ok, e = pcall(function() return await(w) end)
  print("4:", ok, ok and e or e.type, "cancelled?", w:cancelled())
end)

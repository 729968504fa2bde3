-- gather(return_exceptions=True) over wait_for calls: printing the results list shows the
-- TimeoutError as Python's repr does (no arguments: TimeoutError()); cancelled children
-- show as CancelledError('') or CancelledError(msg)
local job = async(function(d) await(asyncio.sleep(d)) return "done " .. d end)

main = async(function()
  local r = await(asyncio.gather(asyncio.wait_for(job(0.1), 0.5), asyncio.wait_for(job(1), 0.5),
                                 {return_exceptions = true}))
  print(r)
  local q = asyncio.Queue()
  local r2 = await(asyncio.gather(async(function() return q:get_nowait() end)(),
                                  {return_exceptions = true}))
  print(r2)
  -- cancelled children: CPython builds CancelledError('') (or the future's message) for them
  local t = asyncio.create_task(asyncio.sleep(10))
  await(asyncio.sleep(0))
  t:cancel()
  local f = asyncio.Future()
  f:cancel("fm")
  print(await(asyncio.gather(t, f, {return_exceptions = true})))
end)

-- Lock: 기다리는 태스크들은 온 순서대로 락을 얻는다. Lua에는 async with가 없으니 acquire + pcall + release로 쓴다
local worker = async(function(name, lock, hold, fail)
  print(name, "wants the lock; locked?", lock:locked())
  await(lock:acquire())                     -- async with lock:
  local ok, err = pcall(function()
    print(name, "has the lock", string.format("at %.1f", time.monotonic() - START))
    await(asyncio.sleep(hold))
    if fail then error(ValueError(name .. " failed inside")) end
  end)
  lock:release()                            -- leaving the block releases, error or not
  print(name, "released")
  if not ok then error(err, 0) end
end)

main = async(function()
  START = time.monotonic()
  local lock = asyncio.Lock()
  print(lock)
  local ts = {}
  for i, spec in ipairs({{"A", 0.3}, {"B", 0.1, true}, {"C", 0.2}, {"D", 0.1}}) do
    ts[i] = asyncio.create_task(worker(spec[1], lock, spec[2], spec[3]))
  end
  await(asyncio.sleep(0))
  print(lock)
  local r = await(asyncio.gather(ts[1], ts[2], ts[3], ts[4], {return_exceptions = true}))
  print("B:", r[2])
  print(string.format("elapsed %.1f", time.monotonic() - START), lock)
  local ok, e = pcall(lock.release, lock)
  print("release unlocked:", ok, e.type, tostring(e))
  print("acquire free lock:", await(lock:acquire()), lock:locked())
  lock:release()
end)

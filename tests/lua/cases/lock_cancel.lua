-- Lock 취소와 공정성: 기다리다 취소된 태스크는 빠지고, 깨어난 직후 취소되면 다음 차례를 깨우며, 풀린 락을 새치기할 수 없다
local user = async(function(name, lock, hold)
  local ok, e = pcall(function() return await(lock:acquire()) end)
  if not ok then
    print(name, "cancelled while waiting; locked?", lock:locked())
    error(e, 0)
  end
  print(name, "has the lock")
  await(asyncio.sleep(hold))
  lock:release()
  print(name, "released")
end)

local function waiters(lock)
  return tostring(lock):match("%[(.*)%]")
end

main = async(function()
  local lock = asyncio.Lock()
  await(lock:acquire())
  print("main has the lock")
  local t = {}
  for i, name in ipairs({"B", "C", "D", "E"}) do t[name] = asyncio.create_task(user(name, lock, 0.1)) end
  await(asyncio.sleep(0))
  print(waiters(lock))
  t.C:cancel() -- still waiting: simply leaves the line
  await(asyncio.sleep(0))
  print(waiters(lock))
  lock:release() -- wakes B
  t.B:cancel() -- B is woken but has not run yet: it gives its turn to D
  print("main released and cancelled B;", waiters(lock))
  await(asyncio.sleep(0))
  print(waiters(lock))
  -- main asks again at once: D was woken first, so main queues behind D and E
  await(lock:acquire())
  print("main has the lock again;", waiters(lock))
  lock:release()
  print("states:", t.B:cancelled(), t.C:cancelled(), t.D:done(), t.E:done(), lock:locked())
end)

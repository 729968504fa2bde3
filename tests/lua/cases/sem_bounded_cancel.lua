-- BoundedSemaphore는 너무 많이 release하면 ValueError; 깨어난 직후 취소된 대기자는 자리를 다음 차례에 넘기고, 새로 온 태스크는 새치기하지 못한다
local user = async(function(name, sem)
  local ok, e = pcall(function() return await(sem:acquire()) end)
  if not ok then
    print(name, "cancelled;", tostring(sem):match("%[(.*)%]"))
    error(e, 0)
  end
  print(name, "acquired;", tostring(sem):match("%[(.*)%]"))
end)

local function state(sem)
  return tostring(sem):match("%[(.*)%]")
end

main = async(function()
  local sem = asyncio.BoundedSemaphore(1)
  print(state(sem), isinstance(sem, asyncio.BoundedSemaphore), isinstance(sem, asyncio.Semaphore),
        isinstance(sem, asyncio.Lock))
  local ok, e = pcall(sem.release, sem)
  print("release too many:", ok, e.type, tostring(e))
  print("acquire:", await(sem:acquire()), state(sem))
  local t = {}
  for _, name in ipairs({"A", "B", "C"}) do t[name] = asyncio.create_task(user(name, sem)) end
  await(asyncio.sleep(0))
  print(state(sem))
  sem:release()       -- wakes A: the value goes straight to A
  t.A:cancel()        -- A cancelled before it runs: the value comes back and B is woken
  print("released, A cancelled;", state(sem), "locked?", sem:locked())
  -- a newcomer finds the semaphore locked while B and C wait: it queues
  local late = asyncio.create_task(user("late", sem))
  await(asyncio.sleep(0))
  print(state(sem))
  sem:release()
  await(asyncio.sleep(0))
  sem:release()
  await(asyncio.sleep(0))
  print("states:", t.A:cancelled(), t.B:done(), t.C:done(), late:done(), state(sem))
  sem:release()
  print(state(sem))
end)

-- Semaphore(0): several releases in one step wake that many waiters, in order; a newcomer
-- does not jump the line; BoundedSemaphore(2) release errors; wait_for on acquire
local function state(s) return tostring(s):match("%[(.*)%]") end

local user = async(function(name, sem)
  await(sem:acquire())
  print(name, "in;", state(sem))
end)

main = async(function()
  local sem = asyncio.Semaphore(0)
  print(state(sem), sem:locked())
  local ts = {}
  for i = 1, 4 do ts[i] = asyncio.create_task(user("u" .. i, sem)) end
  await(asyncio.sleep(0))
  print(state(sem))
  sem:release() sem:release() sem:release()
  print("three releases:", state(sem), sem:locked())
  local late = asyncio.create_task(user("late", sem))
  await(asyncio.sleep(0))
  print("after:", state(sem))
  sem:release()
  await(asyncio.sleep(0))
  print("after one more:", state(sem))
  sem:release() sem:release()
  print("two more:", state(sem))
  await(asyncio.sleep(0))
  print("late done?", late:done(), state(sem))

  local b = asyncio.BoundedSemaphore(2)
  await(b:acquire())
  b:release()
  local ok, e = pcall(b.release, b)
  print("bounded:", ok, e.type, tostring(e), state(b))
  await(b:acquire()) await(b:acquire())
  local ok2, e2 = pcall(function() return await(asyncio.wait_for(b:acquire(), 0.3)) end)
  print("wait_for acquire:", ok2, e2.type, state(b))
  b:release()
  print("after release:", state(b))
  local ok3, e3 = pcall(asyncio.BoundedSemaphore, -1)
  print("negative bounded:", ok3, e3.type, tostring(e3))
  print("default:", state(asyncio.Semaphore()), state(asyncio.BoundedSemaphore()))
end)

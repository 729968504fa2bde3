-- Semaphore(2): 동시에 둘까지만 들어가고, 기다리는 태스크들은 온 순서대로 들어간다 (async with sem: = acquire + pcall + release)
local active = 0

local worker = async(function(name, sem, d)
  await(sem:acquire())
  local ok, err = pcall(function()
    active = active + 1
    print(name, "enters; inside:", active, string.format("at %.1f", time.monotonic() - START))
    await(asyncio.sleep(d))
    active = active - 1
  end)
  sem:release()
  print(name, "leaves")
  if not ok then error(err, 0) end
end)

local function state(sem)
  return tostring(sem):match("%[(.*)%]")
end

main = async(function()
  START = time.monotonic()
  local sem = asyncio.Semaphore(2)
  print(state(sem), "locked?", sem:locked())
  local ts = {}
  for i, d in ipairs({0.5, 0.2, 0.45, 0.1, 0.3}) do
    ts[i] = asyncio.create_task(worker("job" .. i, sem, d))
  end
  await(asyncio.sleep(0))
  print(state(sem), "locked?", sem:locked())
  await(asyncio.gather(table.unpack(ts)))
  print(state(sem), string.format("elapsed %.1f", time.monotonic() - START))
  -- a released semaphore may go above its start value (BoundedSemaphore would not allow it)
  sem:release()
  print(state(sem))
  local ok, e = pcall(asyncio.Semaphore, -1)
  print("negative:", ok, e.type, tostring(e))
end)

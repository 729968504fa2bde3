-- 나중에 예약됐어도 짧은 sleep이 먼저 깬다
local START

local sleeper = async(function(name, delay)
  print(name .. " sleeps " .. delay)
  await(asyncio.sleep(delay))
  print(string.format("%s woke at %.1f", name, time.monotonic() - START))
end)

main = async(function()
  START = time.monotonic()
  local long = asyncio.create_task(sleeper("long", 2))
  await(asyncio.sleep(0.5))
  local short = asyncio.create_task(sleeper("short", 1))
  await(asyncio.sleep(0.2))
  local shortest = asyncio.create_task(sleeper("shortest", 0.1))
  await(asyncio.gather(long, short, shortest))
end)

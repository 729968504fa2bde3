-- bench/thousand.lua: a lesson with 1,000 tasks for the window's frame-time bench
-- (bench/frame.sh). Each task sleeps a different short time five times and prints, so the
-- ready queue, the timers and the timeline are all busy at once.
local TASKS = 1000

local worker = async(function(i)
  for round = 1, 5 do
    await(asyncio.sleep(0.1 + (i % 10) * 0.01))
    if i % 100 == 0 then print("task " .. i .. " round " .. round) end
  end
  return i
end)

main = async(function()
  local cos = {}
  for i = 1, TASKS do cos[i] = worker(i) end
  local results = await(asyncio.gather(table.unpack(cos)))
  print("thousand done: " .. #results .. " tasks")
end)

-- bench/big_timeline.lua: a lesson with 10,000 tasks and about a million trace events for the
-- export bench (bench/export.sh). Each task sleeps a different short time 30 times, so every
-- row of the timeline holds 30 waiting spans and 30 running steps.
local TASKS = 10000
local ROUNDS = 30

local worker = async(function(i)
  for _ = 1, ROUNDS do
    await(asyncio.sleep(0.01 + (i % 17) * 0.001))
  end
  return i
end)

main = async(function()
  local cos = {}
  for i = 1, TASKS do cos[i] = worker(i) end
  local results = await(asyncio.gather(table.unpack(cos)))
  print("big_timeline done: " .. #results .. " tasks")
end)

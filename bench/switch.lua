-- bench/switch.lua: 1,000,000 task switches.
-- TASKS tasks, each doing STEPS `await(asyncio.sleep(0))`, all started with gather.
-- The sizes are hard-coded because os.getenv is not in the sandbox. bench/run.sh reads
-- them from the two `local NAME = N` lines below and passes them to switch.py
-- (LS_TASKS, LS_STEPS), so keep those lines in this exact form.
local TASKS = 10000
local STEPS = 100

local worker = async(function(n)
  for i = 1, n do await(asyncio.sleep(0)) end
end)

main = async(function()
  local cos = {}
  for i = 1, TASKS do cos[i] = worker(STEPS) end
  await(asyncio.gather(table.unpack(cos)))
  print("switch done")
end)

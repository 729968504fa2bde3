-- bench/spawn.lua: gather TASKS tasks whose coroutine returns at once, then print the
-- count and the sum of the results (so the work cannot be skipped).
-- All TASKS tasks are alive together, which is what the per-task memory figure uses.
-- The size is hard-coded because os.getenv is not in the sandbox. bench/run.sh reads it
-- from the `local TASKS = N` line below and passes it to spawn.py (LS_TASKS), so keep
-- that line in this exact form.
local TASKS = 100000

local f = async(function(i) return i end)

main = async(function()
  local cos = {}
  for i = 1, TASKS do cos[i] = f(i) end
  local results = await(asyncio.gather(table.unpack(cos)))
  local sum = 0
  for i = 1, #results do sum = sum + results[i] end
  print("spawn " .. #results .. " " .. sum)
end)

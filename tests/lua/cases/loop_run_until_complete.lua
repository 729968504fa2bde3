-- get_event_loop() outside a running loop, run_until_complete twice on one loop (tasks left
-- pending keep running in the next call), loop:time and call_soon with arguments
local ticks = async(function(name, n)
  for i = 1, n do
    await(asyncio.sleep(0.3))
    print(name, "tick", i)
  end
  return name .. " finished"
end)

local loop = asyncio.get_event_loop()
local first = loop:run_until_complete((async(function()
  loop:call_soon(print, "call_soon", "with", 2, "args", nil)
  asyncio.create_task(ticks("bg", 5))
  return await(ticks("fg", 2))
end))())
print("first run returned:", first)
print(string.format("time after first: %.1f", loop:time()))
local second = loop:run_until_complete(ticks("again", 2))
print("second run returned:", second)
print(string.format("time after second: %.1f", loop:time()))
loop:close()
print("closed")

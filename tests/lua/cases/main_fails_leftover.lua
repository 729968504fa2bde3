-- main fails while a background task sleeps: the background task is still cancelled and runs
-- its cleanup before the program exits with status 1
local bg = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(100)) end)
  print("bg cleanup after", e.type)
  await(asyncio.sleep(0.1))
  print("bg cleanup done")
  error(e, 0)
end)

local main = async(function()
  asyncio.create_task(bg())
  await(asyncio.sleep(0.5))
  error(ValueError("main failed"))
end)

local ok, e = pcall(asyncio.run, main())
print("run raised:", ok, e.type, tostring(e))
error(e)

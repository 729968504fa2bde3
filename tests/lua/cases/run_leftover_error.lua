-- a leftover task that raises while asyncio.run cancels it: reported on stderr, run still returns
local bad = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(100)) end)
  print("bad got", e.type)
  error(ValueError("cleanup failed"))
end)

local main = async(function()
  asyncio.create_task(bad(), {name = "bad-task"})
  await(asyncio.sleep(0))
  return 42
end)

print("run returned:", asyncio.run(main()))

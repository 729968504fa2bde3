-- wait_for 중인 태스크를 취소하면 안쪽 태스크도 취소되고, 안쪽이 정리를 마친 뒤에야 바깥이 CancelledError를 받는다
local inner = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(10)) end)
  print("inner: cancelled at", time.monotonic() - START)
  await(asyncio.sleep(0.3))
  print("inner: cleanup done at", time.monotonic() - START)
  error(e, 0)
end)

local outer = async(function()
  local ok, e = pcall(function() return await(asyncio.wait_for(inner(), 5)) end)
  print("outer: got", e.type, "at", time.monotonic() - START)
  error(e, 0)
end)

local error_inner = async(function()
  await(asyncio.sleep(0.2))
  error(ValueError("inner failed"))
end)

main = async(function()
  START = time.monotonic()
  local t = asyncio.create_task(outer())
  await(asyncio.sleep(1))
  print("main: cancel ->", t:cancel())
  local ok, e = pcall(function() await(t) end)
  print("main: outer cancelled?", t:cancelled(), e.type)
  for _, task in ipairs(asyncio.all_tasks()) do print("still alive:", task:get_name()) end

  -- an error inside propagates through wait_for as it is
  local ok2, e2 = pcall(function() return await(asyncio.wait_for(error_inner(), 1)) end)
  print("error:", ok2, e2.type, tostring(e2))
  print(string.format("elapsed %.1f", time.monotonic() - START))
end)

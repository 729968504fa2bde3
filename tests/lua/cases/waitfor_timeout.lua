-- wait_for 시간 초과: 안쪽 태스크를 취소하고, 그 태스크가 취소를 끝낼 때까지 기다린 뒤 TimeoutError
local slow = async(function()
  print("slow: start")
  local ok, e = pcall(function() await(asyncio.sleep(5)) end)
  print("slow: caught", e.type, "at", time.monotonic() - START)
  await(asyncio.sleep(0.5)) -- 정리 작업: wait_for는 이것도 기다린다
  print("slow: cleanup done at", time.monotonic() - START)
  error(e, 0)
end)

local ticker = async(function()
  for i = 1, 4 do
    await(asyncio.sleep(0.4))
    print("tick", i)
  end
end)

main = async(function()
  START = time.monotonic()
  local tk = asyncio.create_task(ticker())
  local ok, e = pcall(function() return await(asyncio.wait_for(slow(), 1)) end)
  print("wait_for ok?", ok)
  print("TimeoutError?", isinstance(e, TimeoutError), "type:", e.type, "message:", repr(tostring(e)))
  print(string.format("elapsed %.1f", time.monotonic() - START))
  print("tasks left:", #asyncio.all_tasks())
  await(tk)
end)

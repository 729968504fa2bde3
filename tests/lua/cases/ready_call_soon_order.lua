-- call_soon 콜백과 태스크 단계는 같은 준비 큐에서 FIFO 순서로 실행된다
local function cb(tag)
  print("callback " .. tag)
end

local worker = async(function()
  print("worker step 1")
  await(asyncio.sleep(0))
  print("worker step 2")
end)

main = async(function()
  local loop = asyncio.get_event_loop()
  loop:call_soon(cb, "A")
  local t = asyncio.create_task(worker())
  loop:call_soon(cb, "B")
  print("main before yield")
  await(asyncio.sleep(0))
  print("main after yield")
  loop:call_soon(cb, "C")
  await(t)
  print("main after worker")
end)

-- sleep(0)은 한 번 양보한다: 준비 큐는 FIFO라서 두 태스크가 번갈아 실행된다
local worker = async(function(name)
  for i = 1, 3 do
    print(name .. " step " .. i)
    await(asyncio.sleep(0))
  end
  print(name .. " done")
end)

main = async(function()
  local start = time.monotonic()
  local a = asyncio.create_task(worker("A"))
  local b = asyncio.create_task(worker("B"))
  await(a)
  print("main: A finished, B done?", b:done())
  await(b)
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

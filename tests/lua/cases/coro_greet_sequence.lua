-- 코루틴을 차례로 await: 하나가 끝나야 다음이 시작된다
local greet = async(function(name)
  print("Hello, " .. name .. "!")
  await(asyncio.sleep(1))  -- 비동기적으로 1초 대기
  print("Goodbye, " .. name .. "!")
end)

main = async(function()
  local start = time.monotonic()
  await(greet("Alice"))
  await(greet("Bob"))
  await(greet("Charlie"))
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

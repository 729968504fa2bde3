-- 비동기 프로그래밍 예제: gather로 동시에 실행 (총 3초)
local async_task = async(function(name, duration)
  print(name .. " 작업 시작")
  await(asyncio.sleep(duration))  -- 비동기적 대기
  print(name .. " 작업 완료")
end)

main = async(function()
  local start = time.time()
  await(asyncio.gather(
    async_task("Task 1", 2),
    async_task("Task 2", 3),
    async_task("Task 3", 1)
  ))
  local end_time = time.time()
  print(string.format("총 실행 시간: %.1f초", end_time - start))
end)

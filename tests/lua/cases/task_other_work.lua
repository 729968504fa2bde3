-- create_task 후 다른 작업 수행, 그다음 gather로 결과 모으기 (총 4초)
local long_running_task = async(function(name, delay)
  print(name .. " 시작")
  await(asyncio.sleep(delay))
  print(name .. " 완료")
  return name .. "의 결과"
end)

main = async(function()
  local start_time = time.time()

  -- 태스크 생성
  local task1 = asyncio.create_task(long_running_task("Task 1", 3))
  local task2 = asyncio.create_task(long_running_task("Task 2", 2))
  local task3 = asyncio.create_task(long_running_task("Task 3", 4))

  -- 다른 작업 수행
  print("다른 작업 수행 중...")
  await(asyncio.sleep(1))
  print("다른 작업 완료")

  -- 모든 태스크의 결과 대기
  local results = await(asyncio.gather(task1, task2, task3))

  local end_time = time.time()
  print(string.format("모든 작업 완료. 소요 시간: %.1f초", end_time - start_time))
  print("결과:", results)
end)

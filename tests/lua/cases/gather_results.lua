-- gather: 결과는 인자 순서, 완료 출력은 시간 순서 (총 4초)
local fetch_data = async(function(name, delay)
  print(name .. " 시작")
  await(asyncio.sleep(delay))  -- 네트워크 요청 시뮬레이션
  print(name .. " 완료")
  return name .. "의 결과"
end)

main = async(function()
  local start_time = time.time()

  -- asyncio.gather()를 사용하여 여러 작업을 동시에 실행
  local results = await(asyncio.gather(
    fetch_data("Task 1", 3),
    fetch_data("Task 2", 2),
    fetch_data("Task 3", 4)
  ))

  local end_time = time.time()
  print(string.format("모든 작업 완료. 소요 시간: %.1f초", end_time - start_time))
  print("결과:", results)
end)

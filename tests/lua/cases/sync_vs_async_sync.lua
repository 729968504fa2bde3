-- 동기 프로그래밍 예제: time.sleep은 루프 전체를 막는다 (총 6초)
local function sync_task(name, duration)
  print(name .. " 작업 시작")
  time.sleep(duration)  -- 작업 시뮬레이션
  print(name .. " 작업 완료")
end

main = async(function()
  local start = time.time()
  sync_task("Task 1", 2)
  sync_task("Task 2", 3)
  sync_task("Task 3", 1)
  local end_time = time.time()
  print(string.format("총 실행 시간: %.1f초", end_time - start))
end)

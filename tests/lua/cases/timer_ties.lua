-- 같은 시각에 만료되는 타이머는 예약된 순서대로 실행된다
local sleeper = async(function(name)
  await(asyncio.sleep(1))
  print(name .. " woke")
end)

main = async(function()
  local start = time.monotonic()
  local tasks = {}
  for _, name in ipairs({ "A", "B", "C", "D" }) do
    tasks[#tasks + 1] = asyncio.create_task(sleeper(name))
  end
  await(asyncio.sleep(1))  -- main의 타이머가 가장 먼저 예약됨
  print("main woke")
  await(asyncio.gather(tasks[1], tasks[2], tasks[3], tasks[4]))
  print(string.format("elapsed %.1f", time.monotonic() - start))
end)

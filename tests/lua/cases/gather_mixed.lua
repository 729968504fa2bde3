-- gather에 코루틴 객체와 Task를 섞어 넘긴다
local work = async(function(name, delay)
  print(name .. " start")
  await(asyncio.sleep(delay))
  print(name .. " end")
  return name
end)

main = async(function()
  local t1 = asyncio.create_task(work("task-a", 2))
  local t2 = asyncio.create_task(work("task-b", 1))
  print("tasks created")
  local results = await(asyncio.gather(work("coro-x", 1.5), t1, work("coro-y", 0.5), t2))
  print(results)
  print(results[1], results[4], #results)
  print(t1:done(), t2:result())
end)

-- create_task는 예약만 한다: main이 await로 양보해야 태스크가 시작된다
local job = async(function(name)
  print(name .. " started")
  await(asyncio.sleep(1))
  print(name .. " finished")
end)

main = async(function()
  local t1 = asyncio.create_task(job("A"))
  local t2 = asyncio.create_task(job("B"))
  print("tasks created, done:", t1:done(), t2:done())
  time.sleep(0.5)  -- 블로킹: 그래도 태스크는 아직 시작하지 않는다
  print("main still running")
  await(asyncio.sleep(0))
  print("main resumed after one yield")
  await(t1)
  await(t2)
  print("done:", t1:done(), t2:done())
end)

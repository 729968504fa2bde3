-- 태스크 안에서 current_task():get_name()으로 자기 이름을 안다
local worker = async(function(delay)
  local me = asyncio.current_task()
  print("start " .. me:get_name())
  await(asyncio.sleep(delay))
  print("end " .. asyncio.current_task():get_name())
  return me:get_name()
end)

local helper = async(function()
  -- 그냥 await된 코루틴은 부른 태스크 안에서 실행된다
  return asyncio.current_task():get_name()
end)

main = async(function()
  print("helper runs in " .. await(helper()))
  local a = asyncio.create_task(worker(0.2), {name = "fetcher"})
  local b = asyncio.create_task(worker(0.1), {name = "parser"})
  local results = await(asyncio.gather(a, b))
  print(results)
  print("main is", asyncio.current_task():get_name())
end)

-- 시작 전에 취소된 태스크는 본문을 한 줄도 실행하지 않는다
local job = async(function(name)
  print(name .. " body runs")
  await(asyncio.sleep(0.1))
  return name
end)

main = async(function()
  local a = asyncio.create_task(job("A"))
  local b = asyncio.create_task(job("B"))
  print("cancel B before it starts:", b:cancel())
  local results = await(asyncio.gather(a, b, {return_exceptions = true}))
  print("A result:", results[1])
  print("B result is CancelledError:", isinstance(results[2], CancelledError))
  print("states:", a:cancelled(), b:cancelled())
end)

-- 값을 돌려주지 않는 코루틴의 결과는 None(nil)으로 리스트에 들어간다
local quiet = async(function(delay)
  await(asyncio.sleep(delay))
end)

local loud = async(function(delay)
  await(asyncio.sleep(delay))
  return "loud " .. delay
end)

main = async(function()
  local results = await(asyncio.gather(quiet(1), loud(2), quiet(0.5)))
  print("결과:", results)
  print(results[1], results[2], results[3])
end)

-- main에서 잡히지 않은 에러: 종료 코드 1, stderr에 ValueError: boom
local step = async(function()
  await(asyncio.sleep(0.5))
  error(ValueError("boom"))
end)

main = async(function()
  print("before")
  await(step())
  print("never printed")
end)

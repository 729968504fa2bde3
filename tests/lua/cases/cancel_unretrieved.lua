-- 아무도 결과를 보지 않은 태스크: 에러로 끝나면 "Task exception was never retrieved"가 보고되고, 취소로 끝나면 조용하다
local failing = async(function()
  await(asyncio.sleep(0.1))
  error(ValueError("nobody looks at me"))
end)

local sleeper = async(function()
  await(asyncio.sleep(10))
end)

main = async(function()
  local bad = asyncio.create_task(failing(), {name = "failing"})
  local quiet = asyncio.create_task(sleeper(), {name = "sleeper"})
  await(asyncio.sleep(0.5))
  quiet:cancel()
  await(asyncio.sleep(0))
  print("failing done?", bad:done(), "sleeper cancelled?", quiet:cancelled())
  print("main done")
end)

-- main이 끝날 때 남아 있는 태스크는 asyncio.run이 취소한다 (top-level asyncio.run)
local bg

local background = async(function()
  local ok, e = pcall(function()
    while true do
      print("background tick")
      await(asyncio.sleep(0.4))
    end
  end)
  print("background: cancelled?", isinstance(e, CancelledError))
  print("background: 정리 중")
  error(e)  -- CancelledError는 다시 던진다
end)

local main = async(function()
  bg = asyncio.create_task(background())
  await(asyncio.sleep(1))
  print("main 끝, background done?", bg:done())
end)

asyncio.run(main())
print("after run: cancelled?", bg:cancelled())

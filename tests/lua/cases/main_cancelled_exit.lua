-- main cancels itself: asyncio.run raises CancelledError, the program fails with exit status 1
local main = async(function()
  print("main cancelling itself")
  asyncio.current_task():cancel()
  await(asyncio.sleep(1))
  print("never printed")
end)

asyncio.run(main())
print("never printed either")

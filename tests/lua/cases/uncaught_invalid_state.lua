-- an uncaught InvalidStateError from result() on a pending Future
local main = async(function()
  local f = asyncio.Future()
  print("about to call result()")
  print(f:result())
end)

asyncio.run(main())

-- an uncaught error of a user-defined class: stderr names the class as Python does
local MyError = ValueError:extend("MyError")

local deep
deep = async(function(n)
  await(asyncio.sleep(0.1))
  if n == 0 then error(MyError("deep failure")) end
  await(deep(n - 1))
end)

local main = async(function()
  local ok, e = pcall(function() await(deep(1)) end)
  print("caught once:", e.type, isinstance(e, MyError), isinstance(e, ValueError), isinstance(e, Exception))
  await(deep(2))
end)

asyncio.run(main())

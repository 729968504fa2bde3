-- top-level asyncio.run은 main의 결과를 돌려준다
local compute = async(function(x)
  await(asyncio.sleep(0.5))
  return x * x
end)

local main = async(function()
  print("main running")
  local a = await(compute(3))
  local b = await(compute(4))
  return a + b
end)

print("before run")
local r = asyncio.run(main())
print(r)
print("second run:", asyncio.run(compute(5)))

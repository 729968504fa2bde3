-- async 함수의 return 값은 await의 결과가 된다
local greet = async(function(name)
  return "Hello, " .. name .. "!"
end)

local add = async(function(a, b)
  await(asyncio.sleep(0.5))
  return a + b
end)

main = async(function()
  local result = await(greet("Alice"))
  print(result)
  local coro = greet("Bob")  -- 아직 아무것도 실행되지 않음
  print("created")
  print(await(coro))
  local total = await(add(2, 3))
  print("2 + 3 =", total)
  print(await(add(0.5, 0.25)))
end)

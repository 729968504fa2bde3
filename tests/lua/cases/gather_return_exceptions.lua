-- gather(..., {return_exceptions=true}): 에러도 결과 리스트에 들어간다
local task1 = async(function()
  await(asyncio.sleep(1))
  error(ValueError("Error in task1"))
end)

local task2 = async(function()
  await(asyncio.sleep(2))
  return "Task2 result"
end)

main = async(function()
  local ok, e = pcall(function()
    local results = await(asyncio.gather(task1(), task2(), {return_exceptions = true}))
    for _, result in ipairs(results) do
      if isinstance(result, Exception) then
        print("Task failed with error: " .. tostring(result))
      else
        print("Task succeeded with result: " .. result)
      end
    end
    print("first is ValueError:", isinstance(results[1], ValueError), results[1].type)
  end)
  if not ok then
    print("An unexpected error occurred: " .. tostring(e))
  end
end)

-- asyncio.wait의 잘못된 인자: 빈 목록, 코루틴 직접 전달(3.11에서 금지), 잘못된 return_when, 목록이 아닌 값
local job = async(function() await(asyncio.sleep(0.1)) return "ok" end)

local function try(label, fn)
  local ok, e = pcall(fn)
  print(label, ok, e.type, tostring(e))
end

main = async(function()
  local t = asyncio.create_task(job())
  try("empty:", function() return await(asyncio.wait({})) end)
  local c = job()
  try("coroutine:", function() return await(asyncio.wait({c})) end)
  await(c) -- awaited after all, so no never-awaited warning
  try("return_when:", function() return await(asyncio.wait({t}, {return_when = "SOMETIME"})) end)
  try("a task alone:", function() return await(asyncio.wait(t)) end)
  print("constants:", asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
  local done, pending = await(asyncio.wait({t}))
  print("still works:", #done, #pending, t:result())
end)

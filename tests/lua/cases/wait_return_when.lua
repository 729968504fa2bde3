-- asyncio.wait: return_when에 따라 (done, pending)을 돌려준다; 남은 태스크는 취소되지 않고 계속 돈다
local function at()
  return string.format("%.1f", time.monotonic() - START)
end

local job = async(function(name, delay, fail)
  await(asyncio.sleep(delay))
  print("  " .. name .. " finished at", at())
  if fail then error(ValueError(name .. " failed")) end
  return name
end)

local function names(list)
  local out = {}
  for i, t in ipairs(list) do out[i] = t:get_name() end
  return out
end

local function make()
  return {
    asyncio.create_task(job("a", 0.3), {name = "a"}),
    asyncio.create_task(job("b", 0.1, true), {name = "b"}),
    asyncio.create_task(job("c", 0.2), {name = "c"}),
  }
end

main = async(function()
  START = time.monotonic()
  print("FIRST_COMPLETED:")
  local tasks = make()
  local done, pending = await(asyncio.wait(tasks, {return_when = asyncio.FIRST_COMPLETED}))
  print("done", names(done), "pending", names(pending), "at", at())
  done, pending = await(asyncio.wait(pending))
  print("done", names(done), "pending", names(pending), "at", at())
  print("b exception:", tasks[2]:exception())

  print("FIRST_EXCEPTION:")
  START = time.monotonic()
  tasks = make()
  done, pending = await(asyncio.wait(tasks, {return_when = "FIRST_EXCEPTION"}))
  print("done", names(done), "pending", names(pending), "at", at())
  await(asyncio.wait(pending, {return_when = asyncio.ALL_COMPLETED}))

  print("ALL_COMPLETED:")
  START = time.monotonic()
  tasks = make()
  done, pending = await(asyncio.wait(tasks))
  print("done", names(done), "pending", names(pending), "at", at())
  for _, t in ipairs(done) do
    if t:exception() then print(t:get_name(), "raised", t:exception()) else print(t:get_name(), "->", t:result()) end
  end

  print("all done already:")
  done, pending = await(asyncio.wait(tasks, {return_when = asyncio.FIRST_COMPLETED}))
  print("done", names(done), "pending", names(pending))
end)

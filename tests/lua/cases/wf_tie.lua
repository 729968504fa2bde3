-- wait_for: a result that arrives exactly at the timeout
local job = async(function(d, v)
  await(asyncio.sleep(d))
  return v
end)

local function try(label, fn)
  local ok, r = pcall(fn)
  if ok then print(label, "result", r) else print(label, "error", r.type) end
end

main = async(function()
  local loop = asyncio.get_running_loop()
  local t0 = loop:time()
  -- (a) a coroutine that sleeps exactly the timeout: the timeout's timer was armed first
  try("coro", function() return await(asyncio.wait_for(job(1, "A"), 1)) end)
  -- (b) a task already started whose sleep was armed before the timeout
  local t = asyncio.create_task(job(1, "B"))
  await(asyncio.sleep(0))
  try("started task", function() return await(asyncio.wait_for(t, 1)) end)
  print("  cancelled?", t:cancelled())
  -- (c) a task not yet started: the timeout's timer comes first
  local t2 = asyncio.create_task(job(1, "C"))
  try("fresh task", function() return await(asyncio.wait_for(t2, 1)) end)
  print("  cancelled?", t2:cancelled())
  -- (d) a future set by a timer armed before wait_for
  local f = loop:create_future()
  loop:call_later(1, function() f:set_result("D") end)
  try("future", function() return await(asyncio.wait_for(f, 1)) end)
  print(string.format("elapsed %.1f", loop:time() - t0))
end)

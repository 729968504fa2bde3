-- as_completed: empty input, duplicates, awaiting the yielded awaitables out of order or
-- together, breaking early, a timeout that fires while some results wait in the queue
local job = async(function(name, d)
  await(asyncio.sleep(d))
  print("  " .. name .. " finished")
  return name
end)

local function at(t0) return string.format("%.1f", time.monotonic() - t0) end

main = async(function()
  local t0 = time.monotonic()
  local n = 0
  for _ in asyncio.as_completed({}) do n = n + 1 end
  print("empty:", n)

  local a = asyncio.create_task(job("a", 0.3))
  local b = asyncio.create_task(job("b", 0.1))
  n = 0
  for aw in asyncio.as_completed({a, b, a, b, a}) do
    n = n + 1
    print("dup", n, await(aw), at(t0))
  end

  -- take two awaitables first, then await the second one before the first
  t0 = time.monotonic()
  local it = asyncio.as_completed({job("x", 0.4), job("y", 0.2), job("z", 0.6)})
  local first, second, third = it(), it(), it()
  print("second awaited first:", await(second), at(t0))
  print("then first:", await(first), at(t0))
  local r = await(asyncio.gather(third))
  print("third via gather:", r[1], at(t0))

  -- a timeout while results are queued but not yet taken
  t0 = time.monotonic()
  local tasks = {asyncio.create_task(job("p", 0.2)), asyncio.create_task(job("q", 0.4)),
                 asyncio.create_task(job("r", 2))}
  local i = 0
  for aw in asyncio.as_completed(tasks, {timeout = 1}) do
    i = i + 1
    if i == 1 then await(asyncio.sleep(1.5)) end
    local ok, v = pcall(function() return await(aw) end)
    print("slow reader", i, ok, ok and v or v.type, at(t0))
  end

  -- breaking out early leaves the rest running
  t0 = time.monotonic()
  for aw in asyncio.as_completed({asyncio.create_task(job("m", 0.1)), asyncio.create_task(job("n", 0.2))}, {timeout = 0.5}) do
    print("break after", await(aw), at(t0))
    break
  end
  await(asyncio.sleep(1))
  print("end", at(t0), #asyncio.all_tasks())
end)

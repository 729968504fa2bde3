-- 가상 시계에서 파일 I/O는 모델링된 시간만큼 걸린다: 한 번에 latency, 그리고 크기 / bandwidth.
-- No CPython twin: CPython has no virtual clock; these times are Loopscope's model, exact on
-- every run however fast the worker threads really are.
lesson { io = { latency = 0.01, bandwidth = 1000 } } -- 10 ms per operation, 1000 bytes/s

local function at(what)
  print(string.format("%.3f %s", time.monotonic(), what))
end

local write_file = async(function(name, s)
  local f = await(aiofiles.open(name, "w"))
  await(f:write(s))
  await(f:close())
  at("wrote " .. name)
end)

main = async(function()
  local f = await(aiofiles.open("a.txt", "w"))
  at("opened a.txt")
  await(f:write(string.rep("x", 500))) -- 0.01 + 500 / 1000
  at("wrote 500 bytes")
  await(f:close())
  at("closed")
  f = await(aiofiles.open("a.txt"))
  local s = await(f:read()) -- the size part comes once the size is known
  at("read " .. #s .. " bytes")
  await(f:close())
  -- two files at once: their operations overlap on the clock
  await(asyncio.gather(write_file("b.txt", string.rep("b", 100)), write_file("c.txt", "c")))
  at("both written")
  -- two writes on one file at once happen one after the other, in order
  f = await(aiofiles.open("d.txt", "w"))
  await(asyncio.gather(f:write("first "), f:write("second")))
  await(f:close())
  at("two writes")
  f = await(aiofiles.open("d.txt"))
  print(await(f:read()))
  await(f:close())
end)

-- Queue.join: several joiners wake in the order they joined; a cancelled joiner; join after
-- more puts waits again; task_done before get is allowed while items are unfinished
local joiner = async(function(name, q)
  local ok, e = pcall(function() return await(q:join()) end)
  print(name, ok and "joined" or ("cancelled " .. e.type), q)
  if not ok then error(e, 0) end
end)

main = async(function()
  local q = asyncio.Queue()
  q:put_nowait("a")
  q:put_nowait("b")
  local js = {}
  for i = 1, 3 do js[i] = asyncio.create_task(joiner("j" .. i, q)) end
  await(asyncio.sleep(0))
  js[2]:cancel()
  await(asyncio.sleep(0))
  q:task_done() -- before any get: allowed, counts down
  print("one done:", q)
  print("get:", q:get_nowait(), q:get_nowait())
  q:put_nowait("c")
  q:task_done()
  print("two done:", q)
  local late = asyncio.create_task(joiner("late", q))
  await(asyncio.sleep(0))
  q:task_done()
  print("all done:", q)
  await(asyncio.sleep(0))
  print("states:", js[1]:done(), js[2]:cancelled(), js[3]:done(), late:done())
  -- join on a finished queue is immediate, and a put makes the next join wait
  await(q:join())
  print("immediate join ok")
  q:put_nowait("d")
  local j4 = asyncio.create_task(joiner("j4", q))
  asyncio.get_running_loop():call_later(0.5, function() q:get_nowait() q:task_done() end)
  await(j4)
  print(string.format("j4 at %.1f", asyncio.get_running_loop():time()))
end)

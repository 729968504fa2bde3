-- Queue.join은 넣은 항목마다 task_done이 불릴 때까지 기다린다; nowait 계열의 QueueFull/QueueEmpty, 너무 많은 task_done
local worker = async(function(name, q)
  while true do
    local item = await(q:get())
    await(asyncio.sleep(item))
    print(name, "done with", item, string.format("at %.1f", time.monotonic() - START))
    q:task_done()
  end
end)

main = async(function()
  START = time.monotonic()
  local q = asyncio.Queue(3)
  for _, d in ipairs({0.3, 0.1, 0.4}) do q:put_nowait(d) end
  local ok, e = pcall(q.put_nowait, q, 0.4)
  print("put_nowait on full:", ok, e.type, isinstance(e, asyncio.QueueFull), repr(tostring(e)))
  print("join with nothing in it returns at once:", await(asyncio.Queue():join()))
  local ws = {}
  for i = 1, 2 do ws[i] = asyncio.create_task(worker("w" .. i, q)) end
  print("joining", q)
  await(q:join())
  print(string.format("joined at %.1f", time.monotonic() - START), q)
  for _, w in ipairs(ws) do w:cancel() end
  local r = await(asyncio.gather(ws[1], ws[2], {return_exceptions = true}))
  print("workers:", r[1].type, r[2].type)
  local ok2, e2 = pcall(q.get_nowait, q)
  print("get_nowait on empty:", ok2, e2.type, isinstance(e2, QueueEmpty))
  local ok3, e3 = pcall(q.task_done, q)
  print("task_done once too often:", ok3, e3.type, tostring(e3))
  q:put_nowait("x")
  print(q:get_nowait(), q)
  q:task_done()
  print(q)
end)

-- shield: wait_for가 시간 초과로 바깥을 취소해도, 보호된 안쪽 태스크는 계속 돌아 끝난다
local save = async(function(name)
  print("saving", name)
  await(asyncio.sleep(2))
  print("saved", name, string.format("at %.1f", time.monotonic() - START))
  return name .. " saved"
end)

local wrap = async(function(aw)
  return await(aw)
end)

main = async(function()
  START = time.monotonic()
  local t = asyncio.create_task(save("report"))
  local ok, e = pcall(function() return await(asyncio.wait_for(asyncio.shield(t), 1)) end)
  print("wait_for:", ok, e.type, string.format("at %.1f", time.monotonic() - START))
  print("inner cancelled?", t:cancelled(), "done?", t:done())
  print("inner result:", await(t))

  -- cancelling the task that awaits a shield does not reach the shielded one
  local inner = asyncio.create_task(save("log"))
  local waiter = asyncio.create_task(wrap(asyncio.shield(inner)))
  await(asyncio.sleep(0.5))
  waiter:cancel()
  local ok2, e2 = pcall(function() return await(waiter) end)
  print("waiter:", ok2, e2.type, "inner cancelled?", inner:cancelled())
  print("inner result:", await(inner))
  local done = asyncio.Future()
  done:set_result("already")
  print("shield of a done future is that future:", asyncio.shield(done) == done)
  print(string.format("elapsed %.1f", time.monotonic() - START))
end)

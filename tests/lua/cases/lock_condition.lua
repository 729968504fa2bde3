-- Condition: wait()는 락을 놓고 기다렸다가 다시 잡는다; notify(n)은 기다린 순서대로 n개를 깨운다
local items = {}

local consumer = async(function(name, cond)
  await(cond:acquire())
  local ok, err = pcall(function()
    await(cond:wait_for(function() return #items > 0 end))
    print(name, "takes", table.remove(items, 1), "locked?", cond:locked())
  end)
  cond:release()
  if not ok then error(err, 0) end
end)

main = async(function()
  local cond = asyncio.Condition()
  local cs = {}
  for i = 1, 4 do cs[i] = asyncio.create_task(consumer("c" .. i, cond)) end
  await(asyncio.sleep(0.1))
  print(tostring(cond):match("%[(.*)%]"))
  local ok, e = pcall(cond.notify, cond)
  print("notify without the lock:", ok, e.type, tostring(e))
  await(cond:acquire())
  items = {"a", "b"}
  cond:notify(2)
  print("notified 2;", tostring(cond):match("%[(.*)%]"))
  cond:release()
  await(asyncio.sleep(0.1))
  await(cond:acquire())
  items = {"c", "d", "e"}
  cond:notify_all()
  cond:release()
  await(asyncio.gather(table.unpack(cs)))
  print("left:", items)
  local ok2, e2 = pcall(function() return await(cond:wait()) end)
  print("wait without the lock:", ok2, e2.type, tostring(e2))
end)

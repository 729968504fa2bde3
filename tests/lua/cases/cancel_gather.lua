-- gather를 await 중인 태스크를 취소하면 gather의 자식들이 모두 취소되고, 기다리던 쪽은 CancelledError를 받는다
local child = async(function(name, d)
  local ok, e = pcall(function() await(asyncio.sleep(d)) end)
  if ok then
    print(name, "finished")
    return name
  end
  print(name, "cancelled")
  error(e, 0)
end)

local parent = async(function()
  local ok, e = pcall(function()
    return await(asyncio.gather(child("a", 0.2), child("b", 5), child("c", 5)))
  end)
  print("parent: got", e.type)
  error(e, 0)
end)

main = async(function()
  local p = asyncio.create_task(parent())
  await(asyncio.sleep(1))
  print("cancel parent ->", p:cancel())
  local ok, e = pcall(function() return await(p) end)
  print("main: got", e.type, "parent cancelled?", p:cancelled())

  -- cancelling the gather future itself cancels the children too
  local g = asyncio.gather(child("x", 5), child("y", 5), {return_exceptions = true})
  await(asyncio.sleep(0.1))
  print("cancel gather ->", g:cancel())
  local ok2, e2 = pcall(function() return await(g) end)
  print("gather:", ok2, e2.type, "cancelled?", g:cancelled())
  print("tasks left:", #asyncio.all_tasks())
end)

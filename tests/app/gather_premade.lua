-- Tasks made before the gather that awaits them: the window still draws each child's arrow
-- into the gather (app.gather_premade).
lesson { id = "gather-premade", title = { ko = "미리 만든 태스크", en = "Tasks made first" } }
local job = async(function(n)
  await(asyncio.sleep(n))
  return n
end)
main = async(function()
  local a = asyncio.create_task(job(1))
  local b = asyncio.create_task(job(2))
  await(asyncio.sleep(0))
  print(table.concat(await(asyncio.gather(a, b)), " "))
end)

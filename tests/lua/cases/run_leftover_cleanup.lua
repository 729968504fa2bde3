-- asyncio.run cancels leftover tasks and lets them finish their cleanup (even awaiting again);
-- it returns main's value; a leftover that swallows the cancel ends normally
local loop_ref
local cleaner = async(function(name)
  local ok, e = pcall(function() await(asyncio.sleep(100)) end)
  print(name, "cancelled, cleaning up")
  await(asyncio.sleep(0.5))
  print(name, "cleanup done")
  error(e, 0)
end)

local stubborn = async(function()
  local ok, e = pcall(function() await(asyncio.sleep(100)) end)
  print("stubborn swallowed", e.type)
  return "stubborn result"
end)

local t1, t2, t3
local main = async(function()
  t1 = asyncio.create_task(cleaner("c1"))
  t2 = asyncio.create_task(stubborn())
  t3 = asyncio.create_task(cleaner("c2"))
  await(asyncio.sleep(0.1))
  print("main returns")
  return { "main", "value" }
end)

local r = asyncio.run(main())
print("run returned:", r)
print("c1 cancelled?", t1:cancelled(), "stubborn:", t2:cancelled(), t2:result(), "c2:", t3:cancelled())

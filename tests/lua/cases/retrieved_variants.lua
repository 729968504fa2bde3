-- which failed tasks count as "retrieved": via exception() in a done callback, via result(),
-- via gather(return_exceptions), via a gather whose first error was another child's
local fail = async(function(msg, d) await(asyncio.sleep(d)); error(ValueError(msg)) end)

main = async(function()
  local a = asyncio.create_task(fail("a: seen by callback", 0.1))
  a:add_done_callback(function(t) print("callback saw:", t:exception()) end)
  local b = asyncio.create_task(fail("b: seen by result()", 0.1))
  local c = asyncio.create_task(fail("c: gathered", 0.1))
  local d1 = asyncio.create_task(fail("d1: first in gather", 0.1))
  local d2 = asyncio.create_task(fail("d2: second in gather", 0.2))
  local e = asyncio.create_task(fail("e: nobody", 0.1), {name = "E"})
  await(asyncio.sleep(0.15))
  print("b:", pcall(function() return b:result() end))
  print(await(asyncio.gather(c, {return_exceptions = true})))
  print("gather d:", pcall(function() return await(asyncio.gather(d1, d2)) end))
  await(asyncio.sleep(0.2))
  print("end")
end)

-- current_task() in a task, in a call_soon callback and in a done callback; all_tasks() contents
local w = async(function()
  local me = asyncio.current_task()
  print("inside worker:", me:get_name())
  me:set_name("renamed")
  await(asyncio.sleep(0.1))
  return me:get_name()
end)

main = async(function()
  local loop = asyncio.get_event_loop()
  local t = asyncio.create_task(w())
  local t2 = asyncio.create_task(w(), {name = "custom"})
  loop:call_soon(function() print("in call_soon: current_task is", asyncio.current_task()) end)
  t:add_done_callback(function(f) print("in done callback:", asyncio.current_task(), f == t) end)
  local names = {}
  for _, x in ipairs(asyncio.all_tasks()) do names[#names + 1] = x:get_name() end
  table.sort(names)
  print("all tasks:", names)
  print("main is", asyncio.current_task():get_name(), asyncio.current_task() == asyncio.current_task())
  print(await(t), await(t2))
  print("left:", #asyncio.all_tasks(), asyncio.all_tasks()[1] == asyncio.current_task())
end)

-- shield: the inner cancelled cancels the outer; the inner's error reaches the outer; an
-- error after the outer was cancelled is not reported as never retrieved; a coroutine is
-- wrapped in a task; two shields of one task
local work = async(function(name, d, fail)
  await(asyncio.sleep(d))
  if fail then error(ValueError(name .. " failed")) end
  return name .. " ok"
end)

local function show(label, fn)
  local ok, r = pcall(fn)
  print(label, ok, ok and r or r.type, ok and "" or tostring(r))
end

main = async(function()
  -- inner cancelled directly: the shield future is cancelled too
  local inner = asyncio.create_task(work("i1", 1))
  local outer = asyncio.shield(inner)
  asyncio.get_running_loop():call_later(0.2, function() inner:cancel() end)
  show("inner cancelled:", function() return await(outer) end)
  print("  outer cancelled?", outer:cancelled())

  -- inner raises: the outer has the same error
  inner = asyncio.create_task(work("i2", 0.2, true))
  outer = asyncio.shield(inner)
  show("inner error:", function() return await(outer) end)
  print("  same error object?", outer:exception() == inner:exception())

  -- outer cancelled, then the inner fails: no 'exception was never retrieved'
  inner = asyncio.create_task(work("i3", 0.3, true), {name = "i3"})
  outer = asyncio.shield(inner)
  print("outer:cancel() ->", outer:cancel(), "inner done?", inner:done())
  show("cancelled outer:", function() return await(outer) end)
  await(asyncio.sleep(0.5))
  print("  inner done?", inner:done(), "cancelled?", inner:cancelled())

  -- a coroutine: shield wraps it in a task that keeps running
  local names = {}
  for _, t in ipairs(asyncio.all_tasks()) do names[#names + 1] = t:get_name() end
  local o = asyncio.shield(work("co", 0.2))
  print("tasks before/after:", #names, #asyncio.all_tasks())
  o:cancel()
  await(asyncio.sleep(0.3))
  print("  tasks left:", #asyncio.all_tasks())

  -- two shields over one task; one cancelled, the other still gets the result
  inner = asyncio.create_task(work("i4", 0.2))
  local s1, s2 = asyncio.shield(inner), asyncio.shield(inner)
  print("two shields differ?", s1 ~= s2)
  s1:cancel()
  show("s2:", function() return await(s2) end)
  print("  s1 cancelled?", s1:cancelled())
end)

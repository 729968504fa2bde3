-- Event: set()은 기다리던 태스크를 모두 온 순서대로 깨운다; clear() 뒤에는 다시 기다린다; 이미 set이면 바로 통과
local waiter = async(function(name, ev)
  print(name, "waits")
  local r = await(ev:wait())
  print(name, "woke with", r, string.format("at %.1f", time.monotonic() - START), "is_set", ev:is_set())
end)

main = async(function()
  START = time.monotonic()
  local ev = asyncio.Event()
  print(ev, ev:is_set())
  local ts = {}
  for i, name in ipairs({"w1", "w2", "w3"}) do ts[i] = asyncio.create_task(waiter(name, ev)) end
  await(asyncio.sleep(0.5))
  print(ev)
  ts[2]:cancel()
  await(asyncio.sleep(0))
  print("after cancelling w2:", ev)
  ev:set()
  ev:clear() -- cleared before they run: the waiters are still woken
  print("set then cleared:", ev)
  await(asyncio.sleep(0))
  print("w2 cancelled?", ts[2]:cancelled())
  ev:set()
  print("already set:", await(ev:wait()))
  ev:set() -- setting twice is harmless
  ev:clear()
  local late = asyncio.create_task(waiter("late", ev))
  asyncio.get_running_loop():call_later(1, function() ev:set() end)
  await(late)
  print(string.format("elapsed %.1f", time.monotonic() - START))
end)

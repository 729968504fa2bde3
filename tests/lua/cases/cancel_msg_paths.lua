-- cancel(msg) through the waiting primitives: the message reaches the CancelledError raised
-- inside Queue.get, Lock.acquire, Event.wait, Condition.wait, Semaphore.acquire, wait,
-- wait_for (outer cancelled), shield, gather
local function catcher(name, aw_fn)
  return async(name, function()
    local ok, e = pcall(aw_fn)
    print(name, ok, e.type, repr(tostring(e)))
    error(e, 0)
  end)
end

main = async(function()
  local q = asyncio.Queue()
  local lock = asyncio.Lock()
  await(lock:acquire())
  local ev = asyncio.Event()
  local cond = asyncio.Condition()
  local sem = asyncio.Semaphore(0)
  local far = asyncio.create_task(asyncio.sleep(100))
  local cases = {
    {"get", function() return await(q:get()) end},
    {"acquire", function() return await(lock:acquire()) end},
    {"event", function() return await(ev:wait()) end},
    {"cond", function() await(cond:acquire()) return await(cond:wait()) end},
    {"sem", function() return await(sem:acquire()) end},
    {"wait", function() return await(asyncio.wait({far})) end},
    {"wait_for", function() return await(asyncio.wait_for(asyncio.sleep(50), 100)) end},
    {"shield", function() return await(asyncio.shield(far)) end},
    {"gather", function() return await(asyncio.gather(asyncio.sleep(50), asyncio.sleep(60))) end},
    {"sleep", function() return await(asyncio.sleep(50)) end},
  }
  local ts = {}
  for i, c in ipairs(cases) do ts[i] = asyncio.create_task(catcher(c[1], c[2])()) end
  await(asyncio.sleep(0.1))
  for i, c in ipairs(cases) do ts[i]:cancel("stop " .. c[1]) end
  local args = {table.unpack(ts)}
  args[#args + 1] = {return_exceptions = true}
  local r = await(asyncio.gather(table.unpack(args)))
  for i, c in ipairs(cases) do print(c[1], r[i].type, repr(tostring(r[i])), ts[i]:cancelled()) end
  print("far cancelled?", far:cancelled())
  far:cancel()
end)

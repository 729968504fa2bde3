-- how many loop iterations each primitive takes: a ticker counts iterations with sleep(0)
-- while main awaits wait_for, wait, as_completed, shield, gather, Queue, Lock, Event
local tick = 0
local ticker = async(function()
  while true do
    await(asyncio.sleep(0))
    tick = tick + 1
  end
end)

local quick = async(function(v) return v end)
local one_yield = async(function(v) await(asyncio.sleep(0)) return v end)

local function measure(label, fn)
  local start = tick
  local r = fn()
  print(label, r, "ticks:", tick - start)
end

main = async(function()
  local tk = asyncio.create_task(ticker())
  await(asyncio.sleep(0))
  measure("plain coroutine", function() return await(quick("q")) end)
  measure("task", function() return await(asyncio.create_task(quick("t"))) end)
  measure("wait_for quick", function() return await(asyncio.wait_for(quick("w"), 5)) end)
  measure("wait_for yield", function() return await(asyncio.wait_for(one_yield("y"), 5)) end)
  measure("wait_for nil", function() return await(asyncio.wait_for(quick("n"), nil)) end)
  measure("wait", function()
    local d, p = await(asyncio.wait({asyncio.create_task(quick(1))}))
    return #d
  end)
  measure("wait done", function()
    local f = asyncio.Future() f:set_result(1)
    local d, p = await(asyncio.wait({f}))
    return #d
  end)
  measure("as_completed", function()
    local out = {}
    for aw in asyncio.as_completed({quick("a"), quick("b")}) do out[#out + 1] = await(aw) end
    return #out
  end)
  measure("shield", function() return await(asyncio.shield(quick("s"))) end)
  measure("gather", function() return #await(asyncio.gather(quick(1), quick(2))) end)
  measure("gather done futures", function()
    local f = asyncio.Future() f:set_result(1)
    return #await(asyncio.gather(f, f))
  end)
  local q = asyncio.Queue()
  q:put_nowait("x")
  measure("queue get ready", function() return await(q:get()) end)
  measure("queue get later", function()
    asyncio.get_running_loop():call_soon(function() q:put_nowait("later") end)
    return await(q:get())
  end)
  local lock = asyncio.Lock()
  measure("lock free", function() local r = await(lock:acquire()) lock:release() return r end)
  measure("lock handoff", function()
    await(lock:acquire())
    asyncio.get_running_loop():call_soon(function() lock:release() end)
    local other = asyncio.create_task(lock:acquire())
    local r = await(other)
    lock:release()
    return r
  end)
  local ev = asyncio.Event()
  measure("event", function()
    asyncio.get_running_loop():call_soon(function() ev:set() end)
    return await(ev:wait())
  end)
  measure("sleep 0", function() return await(asyncio.sleep(0, "z")) end)
  measure("wait_for timeout", function()
    local ok, e = pcall(function() return await(asyncio.wait_for(asyncio.sleep(10), 0)) end)
    return e.type
  end)
  tk:cancel()
end)

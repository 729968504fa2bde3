-- aiohttp on the virtual clock: concurrent GETs finish by latency; status and reason for
-- less common codes; text() twice; wait_for around a slow GET; a closed session
lesson {
  web = {
    ["https://example.org/a"] = { latency = 0.3, body = "page A" },
    ["https://example.org/b"] = { latency = 0.1, body = "page B" },
    ["https://example.org/teapot"] = { latency = 0.2, status = 418, body = "short and stout" },
    ["https://example.org/gone"] = { latency = 0.1, status = 410, body = "gone" },
    ["https://example.org/accepted"] = { latency = 0.1, status = 202, body = "queued" },
    ["https://example.org/down"] = { latency = 0.1, status = 504, body = "timeout" },
    ["https://example.org/slow"] = { latency = 2, body = "slow" },
  },
}

local function at(t0) return string.format("%.1f", time.monotonic() - t0) end

local fetch = async(function(session, path, t0)
  local resp = await(session:get("https://example.org/" .. path))
  local body = await(resp:text())
  print(path, resp.status, resp.reason, resp.ok, body, at(t0))
  return #body
end)

main = async(function()
  local t0 = time.monotonic()
  local session = aiohttp.ClientSession()
  local sizes = await(asyncio.gather(fetch(session, "a", t0), fetch(session, "b", t0),
                                     fetch(session, "teapot", t0)))
  print("sizes:", sizes, at(t0))
  for _, p in ipairs({"gone", "accepted", "down"}) do await(fetch(session, p, t0)) end
  local resp = await(session:get("https://example.org/b"))
  print("text twice:", await(resp:text()), await(resp:text()))
  local ok, e = pcall(function() return await(asyncio.wait_for(session:get("https://example.org/slow"), 0.5)) end)
  print("slow:", ok, e.type, at(t0))
  await(session:close())
  local ok2, e2 = pcall(function() return await(session:get("https://example.org/a")) end)
  print("closed:", ok2, e2.type, tostring(e2))
end)

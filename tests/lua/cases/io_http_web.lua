-- aiohttp on the virtual clock: the lesson's web table answers (body or size, status,
-- latency); a URL it lacks fails to connect, as an unknown host does. No CPython twin:
-- aiohttp is not installed here and the test must not touch the network.
lesson {
  web = {
    ["https://example.org"] = { latency = 0.2, body = "<h1>hello</h1>" },
    ["https://example.org/gone"] = { latency = 0.1, status = 404, body = "not here" },
    ["https://example.org/big"] = { latency = 0.3, size = 100 },
  },
}

main = async(function()
  local session = aiohttp.ClientSession()
  local resp = await(session:get("https://example.org"))
  print(resp.status, resp.reason, await(resp:text()))
  resp = await(session:get("https://example.org/gone"))
  print(resp.status, resp.reason, resp.ok)
  local results = await(asyncio.gather(session:get("https://example.org/big"),
    session:get("https://nowhere.example/page"), { return_exceptions = true }))
  local page = await(results[1]:text())
  print(#page, page:sub(1, 15), page:sub(-8, -2))
  local e = results[2]
  print(e.type, isinstance(e, ConnectionError), isinstance(e, OSError))
  print(tostring(e))
  print(string.format("%.1f s", time.monotonic()))
  await(session:close())
  local ok, err = pcall(function() return await(session:get("https://example.org")) end)
  print(ok, err.type, tostring(err))
end)

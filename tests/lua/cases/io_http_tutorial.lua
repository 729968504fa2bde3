-- aiohttp: 네 사이트를 동시에 내려받기 (튜토리얼 예제). On the virtual clock the pages come
-- from the web table below: each arrives after its latency, with a body of the given size.
lesson {
  id = "io-http-tutorial",
  web = {
    ["https://www.python.org"] = { latency = 0.8, size = 51601 },
    ["https://docs.python.org"] = { latency = 0.5, size = 17035 },
    ["https://pypi.org"] = { latency = 0.6, size = 20304 },
    ["https://peps.python.org"] = { latency = 1.2, size = 571517 },
  },
}

local fetch_url = async(function(session, url)
  local response = await(session:get(url))
  return await(response:text())
end)

local download_sites = async(function(sites)
  local session = aiohttp.ClientSession()
  local tasks = {}
  for _, url in ipairs(sites) do
    tasks[#tasks + 1] = asyncio.create_task(fetch_url(session, url))
  end
  local results = await(asyncio.gather(table.unpack(tasks)))
  await(session:close())
  return results
end)

local process_sites = async(function(sites)
  local results = await(download_sites(sites))
  for i, url in ipairs(sites) do
    print(string.format("%s: %d characters", url, #results[i]))
  end
end)

main = async(function()
  local sites = {
    "https://www.python.org",
    "https://docs.python.org",
    "https://pypi.org",
    "https://peps.python.org",
  }
  await(process_sites(sites))
  print(string.format("total: %.1f s", time.monotonic()))
end)

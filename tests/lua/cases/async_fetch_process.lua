-- await 체인: fetch_data → process_data (네트워크 지연은 고정값)
local delays = { ["http://example.com"] = 1.5, ["http://example.org"] = 0.7, ["http://example.net"] = 1.8 }

local fetch_data = async(function(url)
  print("Fetching data from " .. url)
  await(asyncio.sleep(delays[url]))  -- 네트워크 지연 시뮬레이션
  return "Data from " .. url
end)

local process_data = async(function(data)
  print("Processing " .. data)
  await(asyncio.sleep(0.5))  -- 처리 시간 시뮬레이션
  return "Processed " .. data
end)

local fetch_and_process = async(function(url)
  local data = await(fetch_data(url))
  local result = await(process_data(data))
  return result
end)

main = async(function()
  local urls = { "http://example.com", "http://example.org", "http://example.net" }
  local results = await(asyncio.gather(
    fetch_and_process(urls[1]), fetch_and_process(urls[2]), fetch_and_process(urls[3])))
  for _, result in ipairs(results) do
    print(result)
  end
end)

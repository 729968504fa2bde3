-- Lesson 10: asynchronous HTTP with aiohttp -- four sites at once, then download and save.
lesson {
  id = "aiohttp",
  title = { ko = "비동기 HTTP: aiohttp", en = "Asynchronous HTTP: aiohttp" },
  text = {
    ko = [[
aiohttp는 비동기 HTTP 클라이언트/서버 라이브러리로, 여러 네트워크 요청을 동시에 처리할 수
있습니다. (Loopscope에서는 진짜 인터넷 대신 레슨의 web 표가 가상 시계 위에서 응답합니다:
주소마다 지연 시간과 본문 크기가 정해져 있습니다.)
  • aiohttp.ClientSession(): HTTP 클라이언트 세션을 생성
  • session:get(url): GET 요청을 보내고 응답을 받음
  • response:text(): 응답 본문을 텍스트로 변환
  • asyncio.create_task(): 비동기 작업을 Task로 감싸서 실행
  • asyncio.gather(): 여러 비동기 작업을 동시에 실행하고 결과를 모음

위 타임라인(fetch_main): 네 사이트마다 태스크가 하나씩 만들어지고, 네 요청이 0초에 함께
나갑니다. 각 태스크는 자기 응답을 기다리며 멈춰 있고(기다리는 대상: 그 주소의 응답),
응답은 지연이 짧은 순서로 도착합니다: docs 0.5초, pypi 0.6초, www 0.8초, peps 1.2초.
하나씩 받았다면 3.1초였겠지만 가장 느린 1.2초면 끝납니다. 출력은 gather의 결과 순서,
즉 sites 목록의 순서입니다.
아래 타임라인(save_main): aiofiles와 aiohttp를 함께 씁니다. 각 태스크가 응답을 받자마자
파일에 씁니다. 먼저 도착한 사이트는 다른 사이트가 아직 다운로드 중일 때 이미 저장됩니다:
네트워크 대기와 파일 쓰기가 겹치는 것을 보세요.]],
    en = [[
aiohttp is an asynchronous HTTP client/server library: many network requests can be
handled at the same time. (In Loopscope the lesson's web table answers instead of the
internet, on the virtual clock: each address has a latency and a body size.)
  • aiohttp.ClientSession(): makes an HTTP client session
  • session:get(url): sends a GET request and gets the response
  • response:text(): the response body as text
  • asyncio.create_task(): wraps an asynchronous job in a Task and runs it
  • asyncio.gather(): runs many asynchronous jobs at once and collects the results

Upper timeline (fetch_main): one task per site, and the four requests go out together at
0 s. Each task is paused waiting on its own response (what it waits on: that address's
reply), and the replies arrive shortest latency first: docs 0.5 s, pypi 0.6 s, www 0.8 s,
peps 1.2 s. One at a time this would take 3.1 s; together it takes the slowest, 1.2 s.
The printed order is gather's result order, which is the order of the sites list.
Lower timeline (save_main): aiofiles and aiohttp together. Each task writes its page to a
file as soon as it has it. A site that arrives early is already saved while the others
are still downloading: watch the network waits and the file writes overlap.]],
  },
  compare = { "fetch_main", "save_main" },
  web = {
    ["https://www.python.org"] = { latency = 0.8, size = 51601 },
    ["https://docs.python.org"] = { latency = 0.5, size = 17035 },
    ["https://pypi.org"] = { latency = 0.6, size = 20304 },
    ["https://peps.python.org"] = { latency = 1.2, size = 571517 },
  },
  expect = {
    output = {
      "https://www.python.org: 51601 characters",
      "https://docs.python.org: 17035 characters",
      "https://pypi.org: 20304 characters",
      "https://peps.python.org: 571517 characters",
      "Downloaded downloaded_sites/www.python.org.html: 51601 characters",
      "Downloaded downloaded_sites/docs.python.org.html: 17035 characters",
      "Downloaded downloaded_sites/pypi.org.html: 20304 characters",
    },
    total = 0.803516, -- www.python.org's 0.8 s, then its open, write (51601 bytes) and close
  },
  predict = { {
    ask = { ko = "fetch_main은 모두 합쳐 몇 초 걸릴까요? (지연: 0.8, 0.5, 0.6, 1.2초)",
            en = "How long does fetch_main take? (latencies: 0.8, 0.5, 0.6, 1.2 s)" },
    choices = { "3.1초 / 3.1 s", "1.2초 / 1.2 s", "0.5초 / 0.5 s" },
    answer = 2, at = 1.2,
    why = { ko = "네 요청이 동시에 기다리므로 가장 느린 응답(1.2초)만큼 걸립니다.",
            en = "The four requests wait at the same time, so it takes the slowest reply, 1.2 s." },
  }, {
    ask = { ko = "응답이 가장 먼저 도착하는 사이트는? 그 사이트가 첫 줄에 출력될까요?",
            en = "Which reply arrives first? Is that site printed on the first line?" },
    choices = { "docs.python.org, 예 / yes", "docs.python.org, 아니요 / no",
                "www.python.org, 예 / yes" },
    answer = 2, at = 0.5,
    why = { ko = "docs가 0.5초에 먼저 오지만, 출력은 gather가 돌려준 sites 목록 순서입니다.",
            en = "docs arrives first at 0.5 s, but the printing follows gather's results, in list order." },
  } },
}

-- aiohttp로 여러 사이트 가져오기 / fetching many sites with aiohttp
local fetch_url = async(function(session, url)
  local response = await(session:get(url))
  return await(response:text())
end)

local download_sites = async(function(sites)
  local session = aiohttp.ClientSession()
  local tasks = {}
  for _, url in ipairs(sites) do
    local task = asyncio.create_task(fetch_url(session, url))
    tasks[#tasks + 1] = task
  end
  local results = await(asyncio.gather(table.unpack(tasks)))
  await(session:close())
  return results
end)

local process_sites = async(function(sites)
  local results = await(download_sites(sites))
  for i, url in ipairs(sites) do
    local html = results[i]
    print(url .. ": " .. #html .. " characters")
  end
end)

fetch_main = async(function()
  local sites = {
    "https://www.python.org",
    "https://docs.python.org",
    "https://pypi.org",
    "https://peps.python.org",
  }
  await(process_sites(sites))
end)

-- aiofiles와 aiohttp를 함께 사용 / aiofiles and aiohttp together
local download_and_save = async(function(session, url, folder)
  local response = await(session:get(url))
  local filename = os.path.join(folder, url:match("[^/]*$") .. ".html") -- url.split('/')[-1]
  local content = await(response:text())
  local f = await(aiofiles.open(filename, "w"))
  await(f:write(content))
  await(f:close())
  return { filename, #content }
end)

local save_sites = async(function(sites, folder)
  local session = aiohttp.ClientSession()
  local tasks = {}
  for i, url in ipairs(sites) do
    tasks[i] = asyncio.create_task(download_and_save(session, url, folder))
  end
  local results = await(asyncio.gather(table.unpack(tasks)))
  await(session:close())
  for _, r in ipairs(results) do
    local filename, size = r[1], r[2]
    print("Downloaded " .. filename .. ": " .. size .. " characters")
  end
end)

save_main = async(function()
  local sites = {
    "https://www.python.org",
    "https://docs.python.org",
    "https://pypi.org",
  }
  local folder = "downloaded_sites"
  os.makedirs(folder, { exist_ok = true })
  await(save_sites(sites, folder))
end)
-- downloaded_sites 폴더에 3개의 html 파일이 생성됨 / three html files in downloaded_sites

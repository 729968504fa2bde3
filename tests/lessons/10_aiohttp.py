# Lesson 10's twin: four sites at once with aiohttp, then download and save with aiofiles.
# The internet is not part of a test: like Loopscope's `web` table, a small stand-in for
# aiohttp below answers each address after its latency with a body of its size. The rest is
# the tutorial's program. Needs aiofiles (pip install aiofiles, or Debian's python3-aiofiles);
# run it in a scratch folder: it makes downloaded_sites/ where it runs.
import asyncio
import os

import aiofiles

WEB = {
    "https://www.python.org": (0.8, 51601),
    "https://docs.python.org": (0.5, 17035),
    "https://pypi.org": (0.6, 20304),
    "https://peps.python.org": (1.2, 571517),
}


class aiohttp:  # the stand-in: ClientSession().get(url) -> response with .status and .text()
    class _Response:
        def __init__(self, url):
            self.latency, self.size = WEB[url]
            self.status = 200

        async def __aenter__(self):
            await asyncio.sleep(self.latency)
            return self

        async def __aexit__(self, *exc):
            return False

        async def text(self):
            return "x" * self.size

    class ClientSession:
        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return False

        def get(self, url):
            return aiohttp._Response(url)


# aiohttp로 여러 사이트 가져오기 / fetching many sites with aiohttp
async def fetch_url(session, url):
    async with session.get(url) as response:
        return await response.text()


async def download_sites(sites):
    async with aiohttp.ClientSession() as session:
        tasks = []
        for url in sites:
            task = asyncio.create_task(fetch_url(session, url))
            tasks.append(task)
        results = await asyncio.gather(*tasks)
    return results


async def process_sites(sites):
    results = await download_sites(sites)
    for url, html in zip(sites, results):
        print(f"{url}: {len(html)} characters")


async def fetch_main():
    sites = [
        "https://www.python.org",
        "https://docs.python.org",
        "https://pypi.org",
        "https://peps.python.org",
    ]
    await process_sites(sites)


# aiofiles와 aiohttp를 함께 사용 / aiofiles and aiohttp together
async def download_and_save(session, url, folder):
    async with session.get(url) as response:
        filename = os.path.join(folder, url.split('/')[-1] + '.html')
        content = await response.text()
        async with aiofiles.open(filename, 'w', encoding='UTF8') as f:
            await f.write(content)
        return filename, len(content)


async def save_sites(sites, folder):
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(download_and_save(session, url, folder)) for url in sites]
        results = await asyncio.gather(*tasks)
    for filename, size in results:
        print(f"Downloaded {filename}: {size} characters")


async def save_main():
    sites = [
        "https://www.python.org",
        "https://docs.python.org",
        "https://pypi.org",
    ]
    folder = 'downloaded_sites'
    os.makedirs(folder, exist_ok=True)
    await save_sites(sites, folder)


asyncio.run(fetch_main())
asyncio.run(save_main())
# downloaded_sites 폴더에 3개의 html 파일이 생성됨 / three html files in downloaded_sites

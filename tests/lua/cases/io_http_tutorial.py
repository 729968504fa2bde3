# aiohttp: 네 사이트를 동시에 내려받기 (튜토리얼 예제). aiohttp is not installed here and this
# test must not touch the network: the twin stands in for session.get with a sleep of the
# web table's latency and a body of the page's size, as the Lua side's web table does.
import asyncio
import time

WEB = {
    "https://www.python.org": (0.8, 51601),
    "https://docs.python.org": (0.5, 17035),
    "https://pypi.org": (0.6, 20304),
    "https://peps.python.org": (1.2, 571517),
}


async def fetch_url(url):
    latency, size = WEB[url]
    await asyncio.sleep(latency)
    return "x" * size


async def download_sites(sites):
    tasks = []
    for url in sites:
        task = asyncio.create_task(fetch_url(url))
        tasks.append(task)
    results = await asyncio.gather(*tasks)
    return results


async def process_sites(sites):
    results = await download_sites(sites)
    for url, html in zip(sites, results):
        print(f"{url}: {len(html)} characters")


async def main():
    start = time.monotonic()
    sites = [
        "https://www.python.org",
        "https://docs.python.org",
        "https://pypi.org",
        "https://peps.python.org",
    ]
    await process_sites(sites)
    print(f"total: {time.monotonic() - start:.1f} s")


asyncio.run(main())

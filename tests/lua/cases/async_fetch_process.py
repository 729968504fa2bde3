# await 체인: fetch_data → process_data (네트워크 지연은 고정값)
import asyncio
delays = {"http://example.com": 1.5, "http://example.org": 0.7, "http://example.net": 1.8}

async def fetch_data(url):
    print(f"Fetching data from {url}")
    await asyncio.sleep(delays[url])  # 네트워크 지연 시뮬레이션
    return f"Data from {url}"

async def process_data(data):
    print(f"Processing {data}")
    await asyncio.sleep(0.5)  # 처리 시간 시뮬레이션
    return f"Processed {data}"

async def fetch_and_process(url):
    data = await fetch_data(url)
    result = await process_data(data)
    return result

async def main():
    urls = ["http://example.com", "http://example.org", "http://example.net"]
    results = await asyncio.gather(
        fetch_and_process(urls[0]), fetch_and_process(urls[1]), fetch_and_process(urls[2]))
    for result in results:
        print(result)

asyncio.run(main())

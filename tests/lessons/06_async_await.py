# Lesson 6's twin: a coroutine that returns a value; await chains, gathered.
# random.seed(254) puts the delays in the same order for CPython's generator and Loopscope's
# (example.org < example.com < example.net), though the numbers differ.
import asyncio
import random

random.seed(254)  # 매번 같은 네트워크 지연 / the same network delays on every run


async def greet(name):
    return f"Hello, {name}!"


async def fetch_data(url):
    print(f"Fetching data from {url}")
    await asyncio.sleep(random.uniform(0.5, 2))  # 네트워크 지연 시뮬레이션
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
    # 사용 예 / using greet
    result = await greet("Alice")
    print(result)

    urls = ['http://example.com', 'http://example.org', 'http://example.net']
    tasks = [fetch_and_process(url) for url in urls]
    results = await asyncio.gather(*tasks)
    for r in results:
        print(r)


asyncio.run(main())

# sleep(0)은 한 번 양보한다: 준비 큐는 FIFO라서 두 태스크가 번갈아 실행된다
import asyncio
import time

async def worker(name):
    for i in range(1, 4):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")

async def main():
    start = time.monotonic()
    a = asyncio.create_task(worker("A"))
    b = asyncio.create_task(worker("B"))
    await a
    print("main: A finished, B done?", b.done())
    await b
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

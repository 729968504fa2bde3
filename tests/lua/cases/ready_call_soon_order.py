# call_soon 콜백과 태스크 단계는 같은 준비 큐에서 FIFO 순서로 실행된다
import asyncio

def cb(tag):
    print(f"callback {tag}")

async def worker():
    print("worker step 1")
    await asyncio.sleep(0)
    print("worker step 2")

async def main():
    loop = asyncio.get_event_loop()
    loop.call_soon(cb, "A")
    t = asyncio.create_task(worker())
    loop.call_soon(cb, "B")
    print("main before yield")
    await asyncio.sleep(0)
    print("main after yield")
    loop.call_soon(cb, "C")
    await t
    print("main after worker")

asyncio.run(main())

# Queue(maxsize=2): 꽉 차면 put이 기다리고, 기다리는 생산자들은 온 순서대로(FIFO) 깨어난다
import asyncio

async def producer(name, q, n):
    for i in range(1, n + 1):
        item = f"{name}{i}"
        print(name, "put", item, "qsize", q.qsize(), "full", q.full())
        await q.put(item)
        print(name, "put done", item)

async def consumer(name, q, n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        item = await q.get()
        print(name, "got", item, "qsize", q.qsize())
        q.task_done()

async def main():
    q = asyncio.Queue(2)
    print("maxsize", q.maxsize, q)
    ps = [
        asyncio.create_task(producer("A", q, 3)),
        asyncio.create_task(producer("B", q, 3)),
        asyncio.create_task(producer("C", q, 2)),
    ]
    await asyncio.sleep(0)
    print("blocked:", q)
    c1 = asyncio.create_task(consumer("x", q, 4, 0.1))
    c2 = asyncio.create_task(consumer("y", q, 4, 0.17))
    await asyncio.gather(*ps, c1, c2)
    print("end:", q, "empty", q.empty())

asyncio.run(main())

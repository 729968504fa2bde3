import asyncio

async def producer(name, q, n):
    for i in range(1, n + 1):
        await q.put(name + str(i))
        print(name, "put", name + str(i), q)

async def consumer(name, q, n):
    for _ in range(n):
        item = await q.get()
        print(name, "got", item, q)
        await asyncio.sleep(0)
        q.task_done()

async def main():
    q = asyncio.LifoQueue(2)
    ts = [
        asyncio.create_task(consumer("c1", q, 3)),
        asyncio.create_task(producer("A", q, 3)),
        asyncio.create_task(producer("B", q, 3)),
        asyncio.create_task(consumer("c2", q, 3)),
    ]
    await q.join()
    print("joined", q)
    await asyncio.gather(*ts)
    print("end", q)

asyncio.run(main())

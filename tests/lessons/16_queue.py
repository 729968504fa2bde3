# Lesson 16's twin: an asyncio.Queue with two consumers and a size limit.
import asyncio


async def producer(queue, n):
    for i in range(1, n + 1):
        await asyncio.sleep(0.2)  # 만드는 데 0.2초 / 0.2 s to make an item
        item = f"item {i}"
        await queue.put(item)  # 가득 차면 자리가 날 때까지 기다림 / waits for room when full
        print(f"producer: put {item}, queue size {queue.qsize()}")


async def consumer(name, queue, seconds):
    while True:
        item = await queue.get()
        print(f"{name}: got {item}")
        await asyncio.sleep(seconds)  # 처리 시간 / working on it
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [
        asyncio.create_task(consumer("A", queue, 1.0)),
        asyncio.create_task(consumer("B", queue, 1.3)),
    ]
    await producer(queue, 6)
    await queue.join()  # 모든 일감이 task_done될 때까지 / until every item is done
    for c in consumers:
        c.cancel()
    print("all items processed")


asyncio.run(main())

# 꽉 찬 Queue: 자리가 나서 깨어난 put이 실행 전에 취소되면 다음 put에게 자리를 넘긴다; LifoQueue는 마지막에 넣은 것부터
import asyncio

async def putter(name, q, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        print(name, "cancelled;", q)
        raise
    print(name, "put", item)

async def main():
    q = asyncio.Queue(1)
    q.put_nowait("x")
    p = [asyncio.create_task(putter(name, q, name + "-item")) for name in ["p1", "p2", "p3"]]
    await asyncio.sleep(0)
    print(q)
    print("got", q.get_nowait())  # frees the slot and wakes p1
    p[0].cancel()                  # p1 cancelled before it runs: p2 gets the slot
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(q)
    print("got", q.get_nowait())
    await asyncio.sleep(0)
    print(q, "p1 cancelled?", p[0].cancelled())

    lifo = asyncio.LifoQueue()
    for i in range(1, 4):
        lifo.put_nowait(i)
    print(lifo, isinstance(lifo, asyncio.Queue), isinstance(lifo, asyncio.LifoQueue))
    print(await lifo.get(), lifo.get_nowait(), await lifo.get(), lifo.empty())

asyncio.run(main())

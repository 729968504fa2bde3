import asyncio

async def getter(name, q):
    v = await q.get()
    print(name, "got", v)
    return v

async def main():
    q = asyncio.Queue(1)
    g1 = asyncio.create_task(getter("g1", q))
    g2 = asyncio.create_task(getter("g2", q))
    await asyncio.sleep(0)
    print(q)
    q.put_nowait("one")
    print("after put:", q)
    try:
        q.put_nowait("two")
    except Exception as e:
        print("second put_nowait:", False, type(e).__name__, repr(str(e)))
    print("stolen:", q.get_nowait())
    await asyncio.sleep(0)
    print("after g1 ran:", q)
    q.put_nowait("A")
    await asyncio.sleep(0)
    q.put_nowait("B")
    await asyncio.sleep(0)
    print("end:", q, g1.done(), g2.done())

    for m in (0, -3):
        u = asyncio.Queue(m)
        for i in range(1, 6):
            u.put_nowait(i)
        print("maxsize", m, "qsize", u.qsize(), "full", u.full(), u)

    lq = asyncio.LifoQueue(2)
    puts = [asyncio.create_task(lq.put(i)) for i in range(1, 5)]
    await asyncio.sleep(0)
    print(lq)
    got = []
    for i in range(4):
        got.append(await lq.get())
        await asyncio.sleep(0)
    print("lifo got:", got, lq)

asyncio.run(main())

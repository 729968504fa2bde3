import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    f = asyncio.Future()
    f.set_result("ready")
    t = asyncio.create_task(job(0.1))
    g = asyncio.Future()
    g.set_exception(ValueError("bad"))
    print("g:", g.exception())
    for aw in asyncio.as_completed([f, t], timeout=0):
        try:
            r = await aw
            print(True, r)
        except BaseException as e:
            print(False, type(e).__name__ + " " + str(e))
    print("t:", await t)

    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.1)
    except BaseException as e:
        print("get timed out:", False, type(e).__name__, q)
    q.put_nowait("x")
    print("then:", await asyncio.wait_for(q.get(), 0.1), q)
    q1 = asyncio.Queue(1)
    q1.put_nowait(1)
    try:
        await asyncio.wait_for(q1.put(2), 0.1)
    except BaseException as e:
        print("put timed out:", False, type(e).__name__, q1)
    print(q1.get_nowait(), q1.empty())

asyncio.run(main())

import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    return "slept"

async def converts():
    try:
        await asyncio.sleep(10)
    except BaseException as e:
        print("converts: caught", type(e).__name__)
    raise ValueError("cleanup failed")

async def waiter(aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
    except BaseException as e:
        print("waiter: error", type(e).__name__, repr(str(e)))
        raise
    print("waiter: result", r)
    return r

async def run(w):
    try:
        return True, await w
    except BaseException as e:
        return False, e

async def main():
    inner = asyncio.create_task(sleeper(5))
    w = asyncio.create_task(waiter(inner, 2))
    await asyncio.sleep(0.5)
    inner.cancel()
    ok, e = await run(w)
    print("1:", ok, type(e).__name__, "w cancelled?", w.cancelled(), "inner cancelled?", inner.cancelled())

    w = asyncio.create_task(waiter(converts(), 1))
    ok, e = await run(w)
    print("2:", ok, type(e).__name__, str(e), w.cancelled())

    f = asyncio.Future()
    w = asyncio.create_task(waiter(f, 5))
    await asyncio.sleep(0)
    f.set_result("just in time")
    print("cancel ->", w.cancel())
    ok, e = await run(w)
    print("3:", ok, e if ok else type(e).__name__, "cancelled?", w.cancelled())

    async def stubborn():
        try:
            await asyncio.sleep(10)
        except BaseException:
            pass
        print("stubborn: swallowed")
        return "stubborn value"
    w = asyncio.create_task(waiter(stubborn(), 5))
    await asyncio.sleep(0.2)
    w.cancel()
    ok, e = await run(w)
    print("4:", ok, e if ok else type(e).__name__, "cancelled?", w.cancelled())

asyncio.run(main())

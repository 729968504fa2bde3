import asyncio, re

def state(x):
    return re.search(r"\[(.*)\]", repr(x)).group(1)

async def w(name, cond):
    await cond.acquire()
    try:
        r = await cond.wait()
        ok = True
    except BaseException as e:
        ok, r, err = False, type(e).__name__, e
    print(name, ok, r, "holds lock?", cond.locked(), state(cond))
    cond.release()
    if not ok:
        raise err

async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(w("a", cond))
    b = asyncio.create_task(w("b", cond))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify_all()
    await asyncio.sleep(0)
    print("waiting for the lock:", state(cond))
    a.cancel()
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print("a cancelled twice, still waiting:", a.done())
    cond.release()
    r = await asyncio.gather(a, b, return_exceptions=True)
    print("a:", a.cancelled(), "b:", b.done(), state(cond))

    n = 0
    def pred():
        nonlocal n
        n += 1
        if n == 2:
            raise ValueError("bad predicate")
        return False
    async def p():
        await cond.acquire()
        try:
            await cond.wait_for(pred)
        except BaseException as e:
            print("predicate:", False, type(e).__name__, str(e), "locked?", cond.locked())
        cond.release()
    pt = asyncio.create_task(p())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    cond.release()
    await pt
    print("calls:", n, state(cond))

    async def q():
        await cond.acquire()
        try:
            await cond.wait_for(lambda: False)
        except BaseException as e:
            print("wait_for cancelled:", False, type(e).__name__, "locked?", cond.locked(), state(cond))
            cond.release()
            raise
    qt = asyncio.create_task(q())
    await asyncio.sleep(0.1)
    qt.cancel()
    try:
        await qt
    except BaseException as e:
        print("qt:", False, type(e).__name__, qt.cancelled(), state(cond))

asyncio.run(main())

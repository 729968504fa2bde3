import asyncio, re

async def holder(lock, d):
    await lock.acquire()
    await asyncio.sleep(d)
    lock.release()
    print("holder released at", round(asyncio.get_running_loop().time() - T0, 1))

def state(x):
    return re.search(r"\[(.*)\]", repr(x)).group(1)

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock, 1))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(lock.acquire(), 0.5)
    except BaseException as e:
        print("timed out:", False, type(e).__name__, state(lock))
    waiter2 = asyncio.create_task(asyncio.wait_for(lock.acquire(), 0.6))
    try:
        r2 = await waiter2
        ok2 = True
    except BaseException as e:
        ok2, r2 = False, type(e).__name__
    print("before its timeout:", ok2, r2, state(lock))
    if ok2:
        lock.release()

    cond = asyncio.Condition(lock)
    await cond.acquire()
    print("lock via cond:", lock.locked(), state(cond))
    lock.release()
    print("released via lock:", cond.locked())
    woke = []
    async def w(name):
        await cond.acquire()
        await cond.wait()
        woke.append(name)
        cond.release()
    ws = [asyncio.create_task(w("w%d" % i)) for i in range(1, 4)]
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify(0)
    print("notify(0):", state(cond))
    cond.notify(10)
    print("notify(10):", state(cond))
    cond.release()
    await asyncio.gather(*ws)
    print("woke:", woke)

async def outer():
    global T0
    T0 = asyncio.get_running_loop().time()
    await main()
asyncio.run(outer())

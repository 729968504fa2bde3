import asyncio

def at():
    return f"{asyncio.get_running_loop().time() - T0:.1f}"

async def holder(cond):
    await cond.acquire()
    print("holder has the lock at", at())
    await asyncio.sleep(0.5)
    cond.release()
    print("holder released at", at())

async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    cond = asyncio.Condition()
    await cond.acquire()
    h = asyncio.create_task(holder(cond))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(cond.wait(), 0.1)
    except BaseException as e:
        print("wait_for:", False, type(e).__name__, "at", at(), "locked?", cond.locked())
    cond.release()
    await h
    await cond.acquire()
    try:
        await asyncio.wait_for(cond.wait(), 0.1)
    except BaseException as e:
        print("wait_for:", False, type(e).__name__, "at", at(), "locked?", cond.locked())
    cond.release()
    await cond.acquire()
    async def notifier():
        await cond.acquire(); cond.notify(); cond.release()
    asyncio.get_running_loop().call_later(0.05, lambda: asyncio.create_task(notifier()))
    print("notified:", await asyncio.wait_for(cond.wait(), 0.1), "at", at(), cond.locked())
    cond.release()

asyncio.run(main())

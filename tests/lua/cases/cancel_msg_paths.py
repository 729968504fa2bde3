import asyncio

def catcher(name, aw_fn):
    async def run():
        try:
            await aw_fn()
        except BaseException as e:
            print(name, False, type(e).__name__, repr(str(e)))
            raise
    return run

async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    await lock.acquire()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    sem = asyncio.Semaphore(0)
    far = asyncio.create_task(asyncio.sleep(100))
    async def c_cond():
        await cond.acquire()
        return await cond.wait()
    cases = [
        ("get", lambda: q.get()),
        ("acquire", lambda: lock.acquire()),
        ("event", lambda: ev.wait()),
        ("cond", c_cond),
        ("sem", lambda: sem.acquire()),
        ("wait", lambda: asyncio.wait([far])),
        ("wait_for", lambda: asyncio.wait_for(asyncio.sleep(50), 100)),
        ("shield", lambda: asyncio.shield(far)),
        ("gather", lambda: asyncio.gather(asyncio.sleep(50), asyncio.sleep(60))),
        ("sleep", lambda: asyncio.sleep(50)),
    ]
    ts = [asyncio.create_task(catcher(n, f)()) for n, f in cases]
    await asyncio.sleep(0.1)
    for t, (n, f) in zip(ts, cases):
        t.cancel("stop " + n)
    r = await asyncio.gather(*ts, return_exceptions=True)
    for i, (n, f) in enumerate(cases):
        print(n, type(r[i]).__name__, repr(str(r[i])), ts[i].cancelled())
    print("far cancelled?", far.cancelled())
    far.cancel()

asyncio.run(main())

import asyncio

tick = 0
async def ticker():
    global tick
    while True:
        await asyncio.sleep(0)
        tick += 1

async def quick(v):
    return v

async def one_yield(v):
    await asyncio.sleep(0)
    return v

async def measure(label, aw):
    start = tick
    r = await aw
    print(label, r, "ticks:", tick - start)

async def main():
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await measure("plain coroutine", quick("q"))
    async def m():
        return await asyncio.create_task(quick("t"))
    await measure("task", m())
    await measure("wait_for quick", asyncio.wait_for(quick("w"), 5))
    await measure("wait_for yield", asyncio.wait_for(one_yield("y"), 5))
    await measure("wait_for nil", asyncio.wait_for(quick("n"), None))
    async def w1():
        d, p = await asyncio.wait([asyncio.create_task(quick(1))])
        return len(d)
    await measure("wait", w1())
    async def w2():
        f = asyncio.Future(); f.set_result(1)
        d, p = await asyncio.wait([f])
        return len(d)
    await measure("wait done", w2())
    async def ac():
        out = []
        for aw in asyncio.as_completed([quick("a"), quick("b")]):
            out.append(await aw)
        return len(out)
    await measure("as_completed", ac())
    await measure("shield", asyncio.shield(quick("s")))
    async def g():
        return len(await asyncio.gather(quick(1), quick(2)))
    await measure("gather", g())
    async def g2():
        f = asyncio.Future(); f.set_result(1)
        return len(await asyncio.gather(f, f))
    await measure("gather done futures", g2())
    q = asyncio.Queue()
    q.put_nowait("x")
    await measure("queue get ready", q.get())
    async def ql():
        asyncio.get_running_loop().call_soon(lambda: q.put_nowait("later"))
        return await q.get()
    await measure("queue get later", ql())
    lock = asyncio.Lock()
    async def lf():
        r = await lock.acquire(); lock.release(); return r
    await measure("lock free", lf())
    async def lh():
        await lock.acquire()
        asyncio.get_running_loop().call_soon(lambda: lock.release())
        other = asyncio.create_task(lock.acquire())
        r = await other
        lock.release()
        return r
    await measure("lock handoff", lh())
    ev = asyncio.Event()
    async def e():
        asyncio.get_running_loop().call_soon(lambda: ev.set())
        return await ev.wait()
    await measure("event", e())
    await measure("sleep 0", asyncio.sleep(0, "z"))
    async def wt():
        try:
            await asyncio.wait_for(asyncio.sleep(10), 0)
        except BaseException as e:
            return type(e).__name__
    await measure("wait_for timeout", wt())
    tk.cancel()

asyncio.run(main())

import asyncio

async def job(d):
    await asyncio.sleep(d)
    return "done " + str(d)

async def main():
    r = await asyncio.gather(asyncio.wait_for(job(0.1), 0.5), asyncio.wait_for(job(1), 0.5),
                             return_exceptions=True)
    print(r)
    q = asyncio.Queue()
    async def g():
        return q.get_nowait()
    r2 = await asyncio.gather(g(), return_exceptions=True)
    print(r2)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    f = asyncio.Future()
    f.cancel("fm")
    print(await asyncio.gather(t, f, return_exceptions=True))

asyncio.run(main())

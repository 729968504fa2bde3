import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(job("a", 0.2)), asyncio.create_task(job("b", 0.4)),
             asyncio.create_task(job("c", 0.6))]
    i = 0
    for aw in asyncio.as_completed(tasks):
        i += 1
        if i == 1:
            try:
                await asyncio.wait_for(aw, 0.1)
            except BaseException as e:
                print(i, "gave up:", False, type(e).__name__, f"{loop.time() - t0:.1f}")
        else:
            print(i, await aw, f"{loop.time() - t0:.1f}")
        if i == 3:
            break
    print("c done?", tasks[2].done())
    t = asyncio.create_task(job("never", 0))
    print("cancel:", t.cancel(), t.cancel(), t.cancelled())
    try:
        await t
    except BaseException as e:
        print("awaited:", False, type(e).__name__, t.cancelled(), t.cancel())
    async def stub():
        try:
            await asyncio.sleep(1)
            ok1 = True
        except BaseException:
            ok1 = False
        print("  swallowed once:", not ok1)
        await asyncio.sleep(1)
        print("  not reached")
    stubborn = asyncio.create_task(stub())
    await asyncio.sleep(0.1)
    stubborn.cancel()
    await asyncio.sleep(0.1)
    print("still running?", not stubborn.done())
    stubborn.cancel()
    try:
        await stubborn
    except BaseException as e2:
        print("second cancel:", False, type(e2).__name__, stubborn.cancelled())

asyncio.run(main())

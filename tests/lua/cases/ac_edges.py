import asyncio, time

async def job(name, d):
    await asyncio.sleep(d)
    print("  " + name + " finished")
    return name

def at(t0):
    return f"{time.monotonic() - t0:.1f}"

async def main():
    t0 = time.monotonic()
    n = 0
    for _ in asyncio.as_completed([]):
        n += 1
    print("empty:", n)

    a = asyncio.create_task(job("a", 0.3))
    b = asyncio.create_task(job("b", 0.1))
    n = 0
    for aw in asyncio.as_completed([a, b, a, b, a]):
        n += 1
        print("dup", n, await aw, at(t0))

    t0 = time.monotonic()
    it = asyncio.as_completed([job("x", 0.4), job("y", 0.2), job("z", 0.6)])
    first, second, third = next(it), next(it), next(it)
    print("second awaited first:", await second, at(t0))
    print("then first:", await first, at(t0))
    r = await asyncio.gather(third)
    print("third via gather:", r[0], at(t0))

    t0 = time.monotonic()
    tasks = [asyncio.create_task(job("p", 0.2)), asyncio.create_task(job("q", 0.4)),
             asyncio.create_task(job("r", 2))]
    i = 0
    for aw in asyncio.as_completed(tasks, timeout=1):
        i += 1
        if i == 1:
            await asyncio.sleep(1.5)
        try:
            v = await aw
            ok = True
        except BaseException as e:
            ok, v = False, type(e).__name__
        print("slow reader", i, ok, v, at(t0))

    t0 = time.monotonic()
    for aw in asyncio.as_completed([asyncio.create_task(job("m", 0.1)), asyncio.create_task(job("n", 0.2))], timeout=0.5):
        print("break after", await aw, at(t0))
        break
    await asyncio.sleep(1)
    print("end", at(t0), len(asyncio.all_tasks()))

asyncio.run(main())

# wait_for: a result that arrives exactly at the timeout
import asyncio

async def job(d, v):
    await asyncio.sleep(d)
    return v

async def attempt(label, aw):
    try:
        r = await aw
        print(label, "result", r)
    except BaseException as e:
        print(label, "error", type(e).__name__)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await attempt("coro", asyncio.wait_for(job(1, "A"), 1))
    t = asyncio.create_task(job(1, "B"))
    await asyncio.sleep(0)
    await attempt("started task", asyncio.wait_for(t, 1))
    print("  cancelled?", t.cancelled())
    t2 = asyncio.create_task(job(1, "C"))
    await attempt("fresh task", asyncio.wait_for(t2, 1))
    print("  cancelled?", t2.cancelled())
    f = loop.create_future()
    loop.call_later(1, lambda: f.set_result("D"))
    await attempt("future", asyncio.wait_for(f, 1))
    print(f"elapsed {loop.time() - t0:.1f}")

asyncio.run(main())

# gather(return_exceptions=true) with results, errors and a cancelled child task
import asyncio

async def ok_after(v, d):
    await asyncio.sleep(d)
    return v

async def fail_after(d):
    await asyncio.sleep(d)
    raise ValueError("bad " + str(d))

async def main():
    victim = asyncio.create_task(ok_after("never", 5))
    loop = asyncio.get_event_loop()
    loop.call_later(0.5, lambda: print("cancel victim:", victim.cancel()))
    res = await asyncio.gather(ok_after(1, 1), fail_after(0.2), victim, ok_after(None, 0.1),
                               return_exceptions=True)
    print("n =", len(res))
    print(res)
    for i in range(4):
        r = res[i]
        print(i + 1, r, isinstance(r, Exception), isinstance(r, asyncio.CancelledError))
    print("victim cancelled?", victim.cancelled())

asyncio.run(main())

# several tasks await one Future: set_result wakes them in the order they started waiting;
# a Future cancelled under a waiting task makes that task end cancelled
import asyncio

async def waiter(name, f):
    print(name, "waits")
    v = await f
    print(name, "got", v)
    return v

async def main():
    f = asyncio.Future()
    loop = asyncio.get_event_loop()
    ts = []
    for n in ["w1", "w2", "w3"]:
        ts.append(asyncio.create_task(waiter(n, f)))
    f.add_done_callback(lambda _: print("plain callback"))
    await asyncio.sleep(0.1)
    loop.call_soon(lambda: print("call_soon queued before set_result"))
    f.set_result("shared")
    print("set_result returned")
    await asyncio.sleep(0)
    print("results:", ts[0].result(), ts[1].result(), ts[2].result())

    g = asyncio.Future()
    t = asyncio.create_task(waiter("w4", g))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("w4 task:", type(e).__name__, "cancelled?", t.cancelled())

asyncio.run(main())

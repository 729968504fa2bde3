# gather over tasks that already finished, one with an error: the gather fails with it; with
# return_exceptions the error is in the list; callbacks queued meanwhile run first
import asyncio

async def val(v):
    return v

async def bad():
    raise ValueError("already failed")

async def main():
    loop = asyncio.get_event_loop()
    a = asyncio.create_task(val("a"))
    b = asyncio.create_task(bad())
    await asyncio.sleep(0)
    g = asyncio.gather(a, b)
    loop.call_soon(lambda: print("soon: g done?", g.done()))
    try:
        await g
    except Exception as e:
        print("gather:", False, type(e).__name__, str(e))
    print(await asyncio.gather(b, a, return_exceptions=True))
    t = asyncio.create_task(val("late"))
    g2 = asyncio.gather(t, a)
    t.add_done_callback(lambda _: print("t callback, g2 done?", g2.done()))
    print(await g2)

asyncio.run(main())

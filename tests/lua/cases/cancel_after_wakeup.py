# cancel() after the awaited future is already done but before the task resumed: the task gets
# CancelledError instead of the value; a task that cancels itself and returns ends cancelled
import asyncio

async def waiter(f):
    try:
        v = await f
        print("waiter got value", v)
    except asyncio.CancelledError as e:
        print("waiter got", type(e).__name__)
    return "waiter returned"

async def self_cancel(catch):
    asyncio.current_task().cancel()
    if catch:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("self_cancel caught", type(e).__name__)
        await asyncio.sleep(0)
        print("self_cancel still running")
    return "self value"

async def main():
    f = asyncio.Future()
    t = asyncio.create_task(waiter(f))
    await asyncio.sleep(0)
    f.set_result("v")
    print("cancel woken task:", t.cancel())
    print("result:", await t, t.cancelled())

    s1 = asyncio.create_task(self_cancel(False))
    s2 = asyncio.create_task(self_cancel(True))
    await asyncio.sleep(0.1)
    print("s1 cancelled?", s1.cancelled(), "s2:", s2.cancelled(), s2.result())

asyncio.run(main())

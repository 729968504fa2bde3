# a task that catches CancelledError and returns normally is not cancelled; awaiting a task
# that awaits another task cancels the inner one too
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inner caught", type(e).__name__)
        raise

async def outer(t):
    try:
        return await t
    except asyncio.CancelledError as e:
        print("outer caught", type(e).__name__, "inner cancelled?", t.cancelled())
    return "outer recovered"

async def main():
    it = asyncio.create_task(inner())
    ot = asyncio.create_task(outer(it))
    await asyncio.sleep(0.5)
    print("cancel outer:", ot.cancel())
    r = await ot
    print("outer result:", r, "cancelled?", ot.cancelled(), "inner:", it.cancelled())

asyncio.run(main())

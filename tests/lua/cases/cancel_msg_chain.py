# cancel(msg) on a task that awaits (through a coroutine object) another task that awaits a
# plain Future: where the message shows up
import asyncio

async def leaf(f):
    try:
        return await f
    except asyncio.CancelledError as e:
        print("leaf got", type(e).__name__, repr(str(e)))
        raise

async def middle(u):
    return await u

async def top(u):
    try:
        return await middle(u)
    except asyncio.CancelledError as e:
        print("top got", type(e).__name__, repr(str(e)))
        raise

async def main():
    f = asyncio.Future()
    u = asyncio.create_task(leaf(f))
    t = asyncio.create_task(top(u))
    await asyncio.sleep(0.1)
    print("cancel:", t.cancel("from main"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", type(e).__name__, repr(str(e)))
    print("states:", t.cancelled(), u.cancelled(), f.cancelled())
    try:
        f.result()
    except asyncio.CancelledError as e2:
        print("f:result():", type(e2).__name__, repr(str(e2)))

asyncio.run(main())

# cancelling one child of a gather (no return_exceptions): the gather raises CancelledError,
# the other children keep running
import asyncio

async def w(name, d):
    await asyncio.sleep(d)
    print(name, "finished")
    return name

async def main():
    a = asyncio.create_task(w("a", 1))
    b = asyncio.create_task(w("b", 2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.5)
    print("cancel a:", a.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather:", False, type(e).__name__, "g cancelled?", g.cancelled(), "b done?", b.done())
    await asyncio.sleep(2)
    print("b:", b.result())

asyncio.run(main())

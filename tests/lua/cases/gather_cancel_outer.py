# cancelling a gather (no return_exceptions) with a message: children get it, the gather ends
# with an error rather than cancelled, and the awaiting task sees CancelledError
import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print(name, "got", type(e).__name__, repr(str(e)))
        raise
    print(name, "finished")
    return name

async def main():
    g = asyncio.gather(child("a", 0.1), child("b", 5), child("c", 5))
    await asyncio.sleep(0.5)
    print("cancel ->", g.cancel("enough"), "again ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("await g:", False, type(e).__name__, repr(str(e)))
    print("g cancelled?", g.cancelled(), "done?", g.done())
    print("cancel done gather ->", g.cancel())

asyncio.run(main())

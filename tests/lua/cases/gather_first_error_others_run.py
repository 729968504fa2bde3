# without return_exceptions the first error propagates at once; the other children keep running
# and a second error is not reported as "never retrieved"
import asyncio

async def child(name, d, fail):
    await asyncio.sleep(d)
    if fail:
        print(name, "raising")
        raise RuntimeError(name + " failed")
    print(name, "finished")
    return name

async def main():
    g = asyncio.gather(child("a", 0.3, False), child("b", 0.1, True), child("c", 0.2, True),
                       child("d", 0.5, False))
    try:
        await g
        ok = True
    except Exception as e:
        ok = False
        print("gather raised:", ok, type(e).__name__, str(e))
    print("gather done?", g.done(), "cancelled?", g.cancelled())
    print("gather exception:", str(g.exception()))
    await asyncio.sleep(1)
    print("end")

asyncio.run(main())

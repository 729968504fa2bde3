# gather를 await 중인 태스크를 취소하면 gather의 자식들이 모두 취소되고, 기다리던 쪽은 CancelledError를 받는다
import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    print(name, "finished")
    return name

async def parent():
    try:
        return await asyncio.gather(child("a", 0.2), child("b", 5), child("c", 5))
    except asyncio.CancelledError as e:
        print("parent: got", type(e).__name__)
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    print("cancel parent ->", p.cancel())
    try:
        await p
    except asyncio.CancelledError as e:
        print("main: got", type(e).__name__, "parent cancelled?", p.cancelled())

    # cancelling the gather future itself cancels the children too
    g = asyncio.gather(child("x", 5), child("y", 5), return_exceptions=True)
    await asyncio.sleep(0.1)
    print("cancel gather ->", g.cancel())
    try:
        await g
        ok2, name = True, None
    except asyncio.CancelledError as e2:
        ok2, name = False, type(e2).__name__
    print("gather:", ok2, name, "cancelled?", g.cancelled())
    print("tasks left:", len(asyncio.all_tasks()))

asyncio.run(main())

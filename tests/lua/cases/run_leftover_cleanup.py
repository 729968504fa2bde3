# asyncio.run cancels leftover tasks and lets them finish their cleanup (even awaiting again);
# it returns main's value; a leftover that swallows the cancel ends normally
import asyncio

async def cleaner(name):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print(name, "cleanup done")
        raise

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError as e:
        print("stubborn swallowed", type(e).__name__)
    return "stubborn result"

t1 = t2 = t3 = None
async def main():
    global t1, t2, t3
    t1 = asyncio.create_task(cleaner("c1"))
    t2 = asyncio.create_task(stubborn())
    t3 = asyncio.create_task(cleaner("c2"))
    await asyncio.sleep(0.1)
    print("main returns")
    return ["main", "value"]

r = asyncio.run(main())
print("run returned:", r)
print("c1 cancelled?", t1.cancelled(), "stubborn:", t2.cancelled(), t2.result(), "c2:", t3.cancelled())

# gather of tasks that are already done still takes a trip through the loop
import asyncio

async def val(v):
    return v

async def main():
    t1 = asyncio.create_task(val("one"))
    t2 = asyncio.create_task(val("two"))
    await asyncio.sleep(0)
    print("both done:", t1.done(), t2.done())
    loop = asyncio.get_event_loop()
    loop.call_soon(lambda: print("call_soon before gather"))
    g = asyncio.gather(t2, t1)
    print("gather done right away?", g.done())
    loop.call_soon(lambda: print("call_soon after gather"))
    print(await g)
    print("gather of the same task twice:", await asyncio.gather(t1, t1, t2))

asyncio.run(main())

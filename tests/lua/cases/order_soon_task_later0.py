# one loop iteration: call_soon, create_task, call_later(0) and a sleep(0) wake-up, in order
import asyncio

async def step(name):
    print(name, "first step")
    await asyncio.sleep(0)
    print(name, "second step")

async def main():
    loop = asyncio.get_event_loop()
    loop.call_later(0, lambda: print("call_later 0"))
    loop.call_soon(lambda: print("call_soon 1"))
    asyncio.create_task(step("T1"))
    loop.call_soon(lambda a, b: print("call_soon 2 with", a, b), "x", None)
    asyncio.create_task(step("T2"))
    loop.call_later(-1, lambda: print("call_later -1"))
    print("main yields")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())

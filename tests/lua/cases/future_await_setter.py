# Future를 await하면 다른 태스크가 set_result할 때까지 멈춘다
import asyncio

async def setter(fut, delay, value):
    await asyncio.sleep(delay)
    print(f"setter: setting {value}")
    fut.set_result(value)
    print("setter: set, done =", fut.done())

async def main():
    loop = asyncio.get_event_loop()
    start = loop.time()
    fut = loop.create_future()
    bg = asyncio.create_task(setter(fut, 1, "ready"))
    print("main: waiting")
    value = await fut
    print(f"main: got {value} after {loop.time() - start:.1f}")
    print("again:", await fut)
    await bg

asyncio.run(main())

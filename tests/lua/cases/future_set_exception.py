# set_exception된 Future를 await하면 그 에러가 올라온다
import asyncio

async def failer(fut):
    await asyncio.sleep(0.5)
    fut.set_exception(ValueError("bad value"))
    print("failer: exception set")

async def main():
    fut = asyncio.Future()
    t = asyncio.create_task(failer(fut))
    try:
        v = await fut
        print("not reached", v)
    except Exception as e:
        print("ok:", False)
        print("caught:", type(e).__name__, str(e))
        print("same object:", e is fut.exception())
    print("exception():", fut.exception(), fut.done())
    await t

asyncio.run(main())

# a coroutine object can be awaited only once; wrapping a used one in a task fails too
import asyncio

async def co():
    await asyncio.sleep(0.1)
    return "value"

async def main():
    c = co()
    print("first:", await c)
    try:
        await c
    except Exception as e:
        print("second:", False, type(e).__name__, str(e))
    try:
        asyncio.create_task(5)
    except Exception as e2:
        print("create_task(5):", False, type(e2).__name__)
    try:
        await 5
    except Exception as e3:
        print("await(5):", False, type(e3).__name__)

asyncio.run(main())

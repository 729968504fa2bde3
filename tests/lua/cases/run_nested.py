# asyncio.run inside a running loop fails; the coroutine passed to it is never awaited
import asyncio

async def inner():
    return "inner"

async def main():
    try:
        asyncio.run(inner())
    except Exception as e:
        print("nested run:", False, type(e).__name__, str(e))

asyncio.run(main())

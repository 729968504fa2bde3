# main fails while a background task sleeps: the background task is still cancelled and runs
# its cleanup before the program exits with status 1
import asyncio

async def bg():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError as e:
        print("bg cleanup after", type(e).__name__)
        await asyncio.sleep(0.1)
        print("bg cleanup done")
        raise

async def main():
    asyncio.create_task(bg())
    await asyncio.sleep(0.5)
    raise ValueError("main failed")

try:
    asyncio.run(main())
except Exception as e:
    print("run raised:", False, type(e).__name__, str(e))
    raise

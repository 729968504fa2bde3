# a leftover task that raises while asyncio.run cancels it: reported on stderr, run still returns
import asyncio

async def bad():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError as e:
        print("bad got", type(e).__name__)
        raise ValueError("cleanup failed")

async def main():
    asyncio.create_task(bad(), name="bad-task")
    await asyncio.sleep(0)
    return 42

print("run returned:", asyncio.run(main()))

"""bench/empty.py: the baseline, asyncio.run of a coroutine that does nothing."""
import asyncio


async def main():
    print("empty done")


asyncio.run(main())

"""bench/switch.py: CPython twin of switch.lua (1,000,000 task switches).

LS_TASKS tasks (default 10000), each doing LS_STEPS (default 100)
`await asyncio.sleep(0)`, all started with gather. Defaults match switch.lua.
"""
import asyncio
import os

TASKS = int(os.environ.get("LS_TASKS", "10000"))
STEPS = int(os.environ.get("LS_STEPS", "100"))


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    cos = [worker(STEPS) for _ in range(TASKS)]
    await asyncio.gather(*cos)
    print("switch done")


asyncio.run(main())

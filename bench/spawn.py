"""bench/spawn.py: CPython twin of spawn.lua.

Gather LS_TASKS (default 100000, as in spawn.lua) tasks whose coroutine returns
at once, then print the count and the sum of the results.
"""
import asyncio
import os

TASKS = int(os.environ.get("LS_TASKS", "100000"))


async def f(i):
    return i


async def main():
    results = await asyncio.gather(*[f(i) for i in range(1, TASKS + 1)])
    print("spawn", len(results), sum(results))


asyncio.run(main())

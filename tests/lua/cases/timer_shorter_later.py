# 나중에 예약됐어도 짧은 sleep이 먼저 깬다
import asyncio
import time
START = None

async def sleeper(name, delay):
    print(f"{name} sleeps {delay}")
    await asyncio.sleep(delay)
    print(f"{name} woke at {time.monotonic() - START:.1f}")

async def main():
    global START
    START = time.monotonic()
    long = asyncio.create_task(sleeper("long", 2))
    await asyncio.sleep(0.5)
    short = asyncio.create_task(sleeper("short", 1))
    await asyncio.sleep(0.2)
    shortest = asyncio.create_task(sleeper("shortest", 0.1))
    await asyncio.gather(long, short, shortest)

asyncio.run(main())

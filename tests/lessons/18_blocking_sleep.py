# Lesson 18's twin: the common mistake -- time.sleep inside async code stops everyone.
import asyncio
import time


async def heartbeat(start):
    for i in range(1, 5):
        print(f"heartbeat {i} at {time.time() - start:.1f} s")
        await asyncio.sleep(0.5)


async def blocking_job(start):
    print(f"job: start at {time.time() - start:.1f} s")
    time.sleep(2)  # 실수: 루프 전체를 2초 동안 막음 / the mistake: blocks the whole loop
    print(f"job: end at {time.time() - start:.1f} s")


async def fixed_job(start):
    print(f"job: start at {time.time() - start:.1f} s")
    await asyncio.sleep(2)  # 올바름: 기다리는 동안 루프가 다른 태스크를 돌림 / the fix
    print(f"job: end at {time.time() - start:.1f} s")


async def blocking_main():
    start = time.time()
    await asyncio.gather(heartbeat(start), blocking_job(start))
    print(f"total: {time.time() - start:.1f} s")


async def fixed_main():
    start = time.time()
    await asyncio.gather(heartbeat(start), fixed_job(start))
    print(f"total: {time.time() - start:.1f} s")


asyncio.run(blocking_main())
asyncio.run(fixed_main())

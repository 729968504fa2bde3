# 끝난 태스크를 다시 await하면 같은 결과를 바로 돌려준다
import asyncio
import time

async def compute():
    print("compute runs once")
    await asyncio.sleep(1)
    return ["a", "b", 3]

async def main():
    start = time.monotonic()
    t = asyncio.create_task(compute())
    r1 = await t
    print(f"first await at {time.monotonic() - start:.1f}", r1)
    r2 = await t
    print(f"second await at {time.monotonic() - start:.1f}", r2)
    print("same object:", r1 is r2, r1 is t.result())
    print("result():", t.result(), t.done())
    both = await asyncio.gather(t, t)
    print("gathered twice:", both[0] is r1, both[1] is r1, len(both))

asyncio.run(main())

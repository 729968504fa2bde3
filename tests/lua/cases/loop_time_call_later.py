# 실행 중인 루프: loop:time() 차이와 loop:call_later(0.5, fn, "x")
import asyncio

async def main():
    loop = asyncio.get_event_loop()
    t0 = loop.time()
    def fn(arg):
        print(f"fn({arg}) at {loop.time() - t0:.1f}")
    loop.call_later(0.5, fn, "x")
    loop.call_later(1.2, fn, "y")
    await asyncio.sleep(1)
    print(f"after sleep(1): {loop.time() - t0:.1f}")
    await asyncio.sleep(0.5)
    print(f"after sleep(0.5): {loop.time() - t0:.1f}")
    print("same loop:", loop == asyncio.get_event_loop())

asyncio.run(main())

# 태스크가 CancelledError를 잡고 값을 돌려주면, 취소되지 않고 정상 완료된다
import asyncio
import time

async def stubborn():
    try: await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("stubborn caught:", type(e).__name__)
    await asyncio.sleep(0.5)  # 정리 작업
    return "finished anyway"

async def main():
    start = time.monotonic()
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    r = await t
    print("result:", r)
    print("cancelled?", t.cancelled(), "done?", t.done())
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

# 잠자는 태스크 취소: await하면 CancelledError (Exception이 아니다, Python 3.8+)
import asyncio
import time

async def sleeper():
    print("sleeper: going to sleep for 10 s")
    await asyncio.sleep(10)
    print("sleeper: never wakes")

async def main():
    start = time.monotonic()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.5)
    print("cancel() returned", t.cancel())
    print("right after cancel: done?", t.done(), "cancelled?", t.cancelled())
    try: await t
    except asyncio.CancelledError as e:
        print("await ok?", False)
        print("CancelledError?", isinstance(e, asyncio.CancelledError), "Exception?", isinstance(e, Exception))
        print("type:", type(e).__name__)
    print("after: done?", t.done(), "cancelled?", t.cancelled())
    print("cancel() again returned", t.cancel())
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

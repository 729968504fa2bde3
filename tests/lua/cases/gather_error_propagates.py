# return_exceptions 없이: 첫 에러가 await한 쪽으로 전파되고, 나머지 자식은 계속 실행된다
import asyncio
import time

async def fail_soon():
    await asyncio.sleep(1)
    print("fail_soon: raising")
    raise ValueError("Error in fail_soon")

async def slow_ok():
    await asyncio.sleep(2)
    print("slow_ok: still finished")
    return "slow result"

async def main():
    start = time.monotonic()
    try:
        await asyncio.gather(fail_soon(), slow_ok())
    except Exception as e:
        print("ok:", False)
        print(f"caught {type(e).__name__}: {str(e)} at {time.monotonic() - start:.1f}")
    await asyncio.sleep(1.5)
    print(f"main done at {time.monotonic() - start:.1f}")

asyncio.run(main())

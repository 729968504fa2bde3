# wait_for에 태스크를 넘기면 시간 초과 때 그 태스크가 취소된다; 취소를 삼키고 값을 돌려주면 TimeoutError 대신 그 값
import asyncio
import time

async def sleeper(d):
    await asyncio.sleep(d)
    return f"slept {d}"

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    print("stubborn: swallowed the cancellation")
    return "stubborn result"

async def main():
    start = time.monotonic()
    t = asyncio.create_task(sleeper(3), name="sleeper")
    try:
        await asyncio.wait_for(t, 1)
    except TimeoutError as e:
        print("timed out:", type(e).__name__, "task cancelled?", t.cancelled(), "done?", t.done())

    t2 = asyncio.create_task(sleeper(0.5))
    print("finished task:", await asyncio.wait_for(t2, 1))
    print("again, already done:", await asyncio.wait_for(t2, 1))

    print("stubborn:", await asyncio.wait_for(stubborn(), 1))
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

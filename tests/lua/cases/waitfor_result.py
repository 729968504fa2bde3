# wait_for: 제때 끝나면 결과를 돌려준다. timeout=nil이면 태스크 없이 그 자리에서 await, 0이면 즉시 판정
import asyncio
import time

async def job(name, delay, value):
    print(name + ": runs in", asyncio.current_task().get_name())
    await asyncio.sleep(delay)
    return value

async def main():
    start = time.monotonic()
    print("in time:", await asyncio.wait_for(job("a", 0.5, "A"), 1))
    print(f"elapsed {time.monotonic() - start:.1f}")
    print("no timeout:", await asyncio.wait_for(job("b", 3, "B"), None))
    print(f"elapsed {time.monotonic() - start:.1f}")
    print("returns None:", await asyncio.wait_for(job("c", 0.1, None), 2))

    # timeout 0: a task that is not done yet is cancelled before it ever runs
    try:
        await asyncio.wait_for(job("d", 0.1, "D"), 0)
        ok, name = True, None
    except BaseException as e:
        ok, name = False, type(e).__name__
    print("timeout 0:", ok, name)
    # timeout 0 on a future that is already done: its result
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    print("done future, timeout 0:", await asyncio.wait_for(f, 0))
    # the timer of a finished wait_for is cancelled: nothing fires later
    await asyncio.sleep(2)
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

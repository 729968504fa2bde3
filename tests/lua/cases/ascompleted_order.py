# as_completed: 끝나는 순서대로 결과를 받는다 (에러도 그 차례에 올라온다)
import asyncio
import time

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name + " failed")
    return name + " after " + f"{delay:.1f}"

async def main():
    start = time.monotonic()
    tasks = [
        asyncio.create_task(job("slow", 0.3)),
        asyncio.create_task(job("fast", 0.1)),
        asyncio.create_task(job("broken", 0.2, True)),
        asyncio.create_task(job("medium", 0.25)),
    ]
    n = 0
    for aw in asyncio.as_completed(tasks):
        n += 1
        try:
            r = await aw
            ok = True
        except Exception as e:
            ok, r = False, e
        print(n, ok, str(r), f"at {time.monotonic() - start:.2f}")
    # coroutines are wrapped in tasks; one already finished future comes first
    f = asyncio.Future()
    f.set_result("ready")
    for aw in asyncio.as_completed([job("x", 0.2), f]):
        print(await aw)
    print("tasks left:", len(asyncio.all_tasks()))

asyncio.run(main())

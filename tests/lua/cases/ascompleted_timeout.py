# as_completed(timeout=): 시간이 다 되면 남은 차례마다 TimeoutError; 남은 태스크는 취소되지 않는다
import asyncio
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    print("  " + name + " finished")
    return name

async def main():
    start = time.monotonic()
    tasks = []
    for i, d in enumerate([0.5, 3, 1, 2], 1):
        tasks.append(asyncio.create_task(job(f"job{i}", d)))
    for aw in asyncio.as_completed(tasks, timeout=1.5):
        try:
            r = await aw
            print("got", r, f"at {time.monotonic() - start:.1f}")
        except Exception as e:
            print("error", type(e).__name__, f"at {time.monotonic() - start:.1f}")
    print("job2 cancelled?", tasks[1].cancelled(), "done?", tasks[1].done())
    await asyncio.gather(tasks[1], tasks[3])
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

# gather에 코루틴 객체와 Task를 섞어 넘긴다
import asyncio

async def work(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} end")
    return name

async def main():
    t1 = asyncio.create_task(work("task-a", 2))
    t2 = asyncio.create_task(work("task-b", 1))
    print("tasks created")
    results = await asyncio.gather(work("coro-x", 1.5), t1, work("coro-y", 0.5), t2)
    print(results)
    print(results[0], results[3], len(results))
    print(t1.done(), t2.result())

asyncio.run(main())

# 조금 복잡한 예시: Task 2가 Task 1보다 먼저 끝난다 (top-level asyncio.run)
import asyncio
import time

async def task1():
    print("Task 1 started")
    await asyncio.sleep(2)
    print("Task 1 finished")

async def task2():
    print("Task 2 started")
    await asyncio.sleep(1)
    print("Task 2 finished")

async def main():
    start = time.monotonic()
    await asyncio.gather(task1(), task2())
    print(f"total {time.monotonic() - start:.1f}")

asyncio.run(main())

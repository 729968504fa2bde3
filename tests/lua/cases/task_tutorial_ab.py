# Task 예제: task1을 먼저 await해도 task2는 이미 실행 중이다
import asyncio

async def task_coroutine(name, delay):
    print(f"Task {name} started")
    await asyncio.sleep(delay)
    print(f"Task {name} finished after {delay} seconds")

async def main():
    # task1과 task2를 생성하여 이벤트 루프에 스케줄링합니다.
    task1 = asyncio.create_task(task_coroutine("A", 2))
    task2 = asyncio.create_task(task_coroutine("B", 1))
    # task1이 완료될 때까지 기다립니다.
    await task1
    print("task2 done before awaiting it:", task2.done())
    # task1이 완료된 후, task2가 완료될 때까지 기다립니다.
    await task2

asyncio.run(main())

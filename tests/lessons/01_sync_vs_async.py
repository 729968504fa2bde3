# Lesson 1's twin: the same three jobs, one after another and then together.
import asyncio
import time


# 동기 프로그래밍 예제 / the synchronous version
def sync_task(name, duration):
    print(f"{name} 작업 시작")
    time.sleep(duration)  # 작업 시뮬레이션
    print(f"{name} 작업 완료")


def sync_main():
    start = time.time()
    sync_task("Task 1", 2)
    sync_task("Task 2", 3)
    sync_task("Task 3", 1)
    end = time.time()
    print(f"총 실행 시간: {end - start:.2f}초")


# 비동기 프로그래밍 예제 / the asynchronous version
async def async_task(name, duration):
    print(f"{name} 작업 시작")
    await asyncio.sleep(duration)  # 비동기적 대기
    print(f"{name} 작업 완료")


async def async_main():
    start = time.time()
    await asyncio.gather(
        async_task("Task 1", 2),
        async_task("Task 2", 3),
        async_task("Task 3", 1),
    )
    end = time.time()
    print(f"총 실행 시간: {end - start:.2f}초")


sync_main()
asyncio.run(async_main())

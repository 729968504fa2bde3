# 비동기 프로그래밍 예제: gather로 동시에 실행 (총 3초)
import asyncio
import time

async def async_task(name, duration):
    print(f"{name} 작업 시작")
    await asyncio.sleep(duration)  # 비동기적 대기
    print(f"{name} 작업 완료")

async def main():
    start = time.time()
    await asyncio.gather(
        async_task("Task 1", 2),
        async_task("Task 2", 3),
        async_task("Task 3", 1)
    )
    end_time = time.time()
    print(f"총 실행 시간: {end_time - start:.1f}초")

asyncio.run(main())

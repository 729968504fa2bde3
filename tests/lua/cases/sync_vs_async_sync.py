# 동기 프로그래밍 예제: time.sleep은 루프 전체를 막는다 (총 6초)
import asyncio
import time

def sync_task(name, duration):
    print(f"{name} 작업 시작")
    time.sleep(duration)  # 작업 시뮬레이션
    print(f"{name} 작업 완료")

async def main():
    start = time.time()
    sync_task("Task 1", 2)
    sync_task("Task 2", 3)
    sync_task("Task 3", 1)
    end_time = time.time()
    print(f"총 실행 시간: {end_time - start:.1f}초")

asyncio.run(main())

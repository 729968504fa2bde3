# 같은 시각에 만료되는 타이머는 예약된 순서대로 실행된다
import asyncio
import time

async def sleeper(name):
    await asyncio.sleep(1)
    print(f"{name} woke")

async def main():
    start = time.monotonic()
    tasks = []
    for name in ["A", "B", "C", "D"]:
        tasks.append(asyncio.create_task(sleeper(name)))
    await asyncio.sleep(1)  # main의 타이머가 가장 먼저 예약됨
    print("main woke")
    await asyncio.gather(tasks[0], tasks[1], tasks[2], tasks[3])
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

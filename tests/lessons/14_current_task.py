# Lesson 14's twin: a monitor task watching the others finish.
import asyncio


async def task(name):
    print(f"Task {name} starting")
    await asyncio.sleep(1)
    print(f"Task {name} completed")


async def monitor():
    while True:
        current_task = asyncio.current_task()
        all_tasks = asyncio.all_tasks()
        names = sorted(t.get_name() for t in all_tasks)  # all_tasks()는 집합 / a set: sorted
        print(f"Current task: {current_task.get_name()}")
        print(f"All tasks: {names}")
        await asyncio.sleep(0.5)


async def main():
    monitor_task = asyncio.create_task(monitor(), name="Monitor")
    await asyncio.gather(
        task("A"),
        task("B"),
        task("C"),
    )
    # 1초의 두 마감(태스크들, Monitor)이 어느 쪽이 먼저든 Monitor가 마지막으로 한 번 더 보도록
    # so that Monitor takes its last look whichever of the two 1 s deadlines fires first
    await asyncio.sleep(0.1)


asyncio.run(main())

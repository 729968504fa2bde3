# current_task / all_tasks: 감시 태스크가 0.4초마다 살아 있는 태스크를 출력한다
# (튜토리얼은 0.5초 간격이지만 1.0초에 태스크 완료와 겹치므로 0.4초로 바꿨다)
import asyncio

async def task(name):
    print(f"Task {name} starting")
    await asyncio.sleep(1)
    print(f"Task {name} completed")

async def monitor():
    while True:
        current_task = asyncio.current_task()
        names = [t.get_name() for t in asyncio.all_tasks()]
        names.sort()
        print(f"Current task: {current_task.get_name()}")
        print("All tasks:", names)
        await asyncio.sleep(0.4)

async def main():
    monitor_task = asyncio.create_task(monitor(), name="Monitor")
    await asyncio.gather(task("A"), task("B"), task("C"))
    await asyncio.sleep(0.5)
    print("main done, monitor done?", monitor_task.done())

asyncio.run(main())

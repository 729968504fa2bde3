# create_task(coro, {name=...})도 번호 하나를 쓴다 (CPython 3.11): 다음 기본 이름은 Task-3
import asyncio

async def idle():
    await asyncio.sleep(0.1)

async def main():
    monitor = asyncio.create_task(idle(), name="Monitor")
    next_task = asyncio.create_task(idle())
    last = asyncio.create_task(idle())
    print(asyncio.current_task().get_name(), monitor.get_name(), next_task.get_name(), last.get_name())
    await asyncio.gather(monitor, next_task, last)

asyncio.run(main())

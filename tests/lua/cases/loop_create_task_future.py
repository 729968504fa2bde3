# loop:create_task / loop:create_future는 asyncio.create_task / Future와 같다
import asyncio

async def compute(fut, x):
    await asyncio.sleep(0.3)
    fut.set_result(x * 2)
    return x + 1

async def main():
    loop = asyncio.get_event_loop()
    fut = loop.create_future()
    task = loop.create_task(compute(fut, 20))
    print("task name:", task.get_name())
    print("future done?", fut.done())
    print("future result:", await fut)
    print("task result:", await task)

asyncio.run(main())

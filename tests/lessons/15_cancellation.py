# Lesson 15's twin: task.cancel() and asyncio.wait_for.
import asyncio


# task.cancel()
async def worker():
    print("worker: started, sleeping 5 s")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("worker: cancelled, cleaning up")
        raise  # 다시 일으킴: 취소를 끝까지 / raise again: let the cancellation finish
    print("worker: finished")


async def cancel_main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("main: cancelling the worker")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: worker cancelled?", task.cancelled())


# asyncio.wait_for(aw, timeout)
async def fetch(name, delay):
    print(f"{name}: request sent")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled by wait_for")
        raise
    return f"{name} result"


async def wait_for_main():
    result = await asyncio.wait_for(fetch("fast", 1), 2)
    print("got:", result)
    try:
        r = await asyncio.wait_for(fetch("slow", 5), 2)
        print("got:", r)
    except TimeoutError:
        print("slow: timed out after 2 s")


asyncio.run(cancel_main())
asyncio.run(wait_for_main())

# task:cancel(msg) on a task awaiting a gather: the message reaches the gather's children and
# comes back to the task
import asyncio

async def child(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(name, "got", repr(str(e)))
        raise

async def parent():
    try:
        return await asyncio.gather(child("x"), child("y"))
    except asyncio.CancelledError as e:
        print("parent got", type(e).__name__, repr(str(e)))
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    p.cancel("shutting down")
    try:
        await p
    except asyncio.CancelledError as e:
        print("main got", type(e).__name__, repr(str(e)), p.cancelled())

asyncio.run(main())

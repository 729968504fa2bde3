import asyncio

async def main():
    print(ValueError, TimeoutError, asyncio.TimeoutError)
    print(asyncio.CancelledError, asyncio.InvalidStateError)
    print(asyncio.QueueEmpty, asyncio.QueueFull)
    print(asyncio.Queue, asyncio.LifoQueue, asyncio.Lock, asyncio.Event)
    print(asyncio.Condition, asyncio.Semaphore, asyncio.BoundedSemaphore)
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except Exception as e:
        print(repr(e), repr(str(e)), isinstance(e, Exception))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except BaseException as e2:
        print(repr(e2), isinstance(e2, Exception), isinstance(e2, asyncio.TimeoutError))
    c = asyncio.CancelledError("why")
    print(repr(c), isinstance(c, Exception))

asyncio.run(main())

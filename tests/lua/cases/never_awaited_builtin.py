import asyncio

async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    ev = asyncio.Event()
    sem = asyncio.Semaphore()
    asyncio.sleep(1)
    asyncio.sleep(0)
    asyncio.sleep(1, "x")
    q.get()
    q.put(1)
    q.join()
    lock.acquire()
    ev.wait()
    sem.acquire()
    asyncio.wait_for(asyncio.Future(), 1)
    print("main done", q.qsize(), lock.locked(), sem.locked())

asyncio.run(main())

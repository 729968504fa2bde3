import asyncio, re

def state(s):
    return re.search(r"\[(.*)\]", repr(s)).group(1)

async def user(name, sem):
    await sem.acquire()
    print(name, "in;", state(sem))

async def main():
    sem = asyncio.Semaphore(0)
    print(state(sem), sem.locked())
    ts = [asyncio.create_task(user("u%d" % i, sem)) for i in range(1, 5)]
    await asyncio.sleep(0)
    print(state(sem))
    sem.release(); sem.release(); sem.release()
    print("three releases:", state(sem), sem.locked())
    late = asyncio.create_task(user("late", sem))
    await asyncio.sleep(0)
    print("after:", state(sem))
    sem.release()
    await asyncio.sleep(0)
    print("after one more:", state(sem))
    sem.release(); sem.release()
    print("two more:", state(sem))
    await asyncio.sleep(0)
    print("late done?", late.done(), state(sem))

    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except Exception as e:
        print("bounded:", False, type(e).__name__, str(e), state(b))
    await b.acquire(); await b.acquire()
    try:
        await asyncio.wait_for(b.acquire(), 0.3)
    except BaseException as e2:
        print("wait_for acquire:", False, type(e2).__name__, state(b))
    b.release()
    print("after release:", state(b))
    try:
        asyncio.BoundedSemaphore(-1)
    except Exception as e3:
        print("negative bounded:", False, type(e3).__name__, str(e3))
    print("default:", state(asyncio.Semaphore()), state(asyncio.BoundedSemaphore()))

asyncio.run(main())

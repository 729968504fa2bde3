# BoundedSemaphore는 너무 많이 release하면 ValueError; 깨어난 직후 취소된 대기자는 자리를 다음 차례에 넘기고, 새로 온 태스크는 새치기하지 못한다
import asyncio
import re

def state(sem):
    return re.search(r"\[(.*)\]", repr(sem)).group(1)

async def user(name, sem):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled;", state(sem))
        raise
    print(name, "acquired;", state(sem))

async def main():
    sem = asyncio.BoundedSemaphore(1)
    print(state(sem), isinstance(sem, asyncio.BoundedSemaphore), isinstance(sem, asyncio.Semaphore),
          isinstance(sem, asyncio.Lock))
    try:
        sem.release()
    except Exception as e:
        print("release too many:", False, type(e).__name__, str(e))
    print("acquire:", await sem.acquire(), state(sem))
    t = {}
    for name in ["A", "B", "C"]:
        t[name] = asyncio.create_task(user(name, sem))
    await asyncio.sleep(0)
    print(state(sem))
    sem.release()       # wakes A: the value goes straight to A
    t["A"].cancel()     # A cancelled before it runs: the value comes back and B is woken
    print("released, A cancelled;", state(sem), "locked?", sem.locked())
    # a newcomer finds the semaphore locked while B and C wait: it queues
    late = asyncio.create_task(user("late", sem))
    await asyncio.sleep(0)
    print(state(sem))
    sem.release()
    await asyncio.sleep(0)
    sem.release()
    await asyncio.sleep(0)
    print("states:", t["A"].cancelled(), t["B"].done(), t["C"].done(), late.done(), state(sem))
    sem.release()
    print(state(sem))

asyncio.run(main())

# Lock 취소와 공정성: 기다리다 취소된 태스크는 빠지고, 깨어난 직후 취소되면 다음 차례를 깨우며, 풀린 락을 새치기할 수 없다
import asyncio
import re

async def user(name, lock, hold):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled while waiting; locked?", lock.locked())
        raise
    print(name, "has the lock")
    await asyncio.sleep(hold)
    lock.release()
    print(name, "released")

def waiters(lock):
    return re.search(r"\[(.*)\]", repr(lock)).group(1)

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print("main has the lock")
    t = {}
    for name in ["B", "C", "D", "E"]:
        t[name] = asyncio.create_task(user(name, lock, 0.1))
    await asyncio.sleep(0)
    print(waiters(lock))
    t["C"].cancel()  # still waiting: simply leaves the line
    await asyncio.sleep(0)
    print(waiters(lock))
    lock.release()  # wakes B
    t["B"].cancel()  # B is woken but has not run yet: it gives its turn to D
    print("main released and cancelled B;", waiters(lock))
    await asyncio.sleep(0)
    print(waiters(lock))
    # main asks again at once: D was woken first, so main queues behind D and E
    await lock.acquire()
    print("main has the lock again;", waiters(lock))
    lock.release()
    print("states:", t["B"].cancelled(), t["C"].cancelled(), t["D"].done(), t["E"].done(), lock.locked())

asyncio.run(main())

# Lock: 기다리는 태스크들은 온 순서대로 락을 얻는다. Lua에는 async with가 없으니 acquire + pcall + release로 쓴다
import asyncio
import re
import time

async def worker(name, lock, hold, fail=False):
    print(name, "wants the lock; locked?", lock.locked())
    try:
        async with lock:
            print(name, "has the lock", f"at {time.monotonic() - START:.1f}")
            await asyncio.sleep(hold)
            if fail:
                raise ValueError(name + " failed inside")
    finally:
        print(name, "released")

def show(lock):  # repr without the address, as Loopscope prints it
    return "<asyncio.locks.Lock object " + re.search(r"\[.*\]", repr(lock)).group(0) + ">"

async def main():
    global START
    START = time.monotonic()
    lock = asyncio.Lock()
    print(show(lock))
    ts = []
    for spec in [("A", 0.3), ("B", 0.1, True), ("C", 0.2), ("D", 0.1)]:
        ts.append(asyncio.create_task(worker(spec[0], lock, *spec[1:])))
    await asyncio.sleep(0)
    print(show(lock))
    r = await asyncio.gather(*ts, return_exceptions=True)
    print("B:", r[1])
    print(f"elapsed {time.monotonic() - START:.1f}", show(lock))
    try:
        lock.release()
    except Exception as e:
        print("release unlocked:", False, type(e).__name__, str(e))
    print("acquire free lock:", await lock.acquire(), lock.locked())
    lock.release()

asyncio.run(main())

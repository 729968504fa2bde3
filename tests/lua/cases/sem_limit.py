# Semaphore(2): 동시에 둘까지만 들어가고, 기다리는 태스크들은 온 순서대로 들어간다 (async with sem: = acquire + pcall + release)
import asyncio
import re
import time

active = 0

async def worker(name, sem, d):
    global active
    try:
        async with sem:
            active += 1
            print(name, "enters; inside:", active, f"at {time.monotonic() - START:.1f}")
            await asyncio.sleep(d)
            active -= 1
    finally:
        print(name, "leaves")

def state(sem):
    return re.search(r"\[(.*)\]", repr(sem)).group(1)

async def main():
    global START
    START = time.monotonic()
    sem = asyncio.Semaphore(2)
    print(state(sem), "locked?", sem.locked())
    ts = [asyncio.create_task(worker(f"job{i}", sem, d)) for i, d in enumerate([0.5, 0.2, 0.45, 0.1, 0.3], 1)]
    await asyncio.sleep(0)
    print(state(sem), "locked?", sem.locked())
    await asyncio.gather(*ts)
    print(state(sem), f"elapsed {time.monotonic() - START:.1f}")
    # a released semaphore may go above its start value (BoundedSemaphore would not allow it)
    sem.release()
    print(state(sem))
    try:
        asyncio.Semaphore(-1)
    except Exception as e:
        print("negative:", False, type(e).__name__, str(e))

asyncio.run(main())

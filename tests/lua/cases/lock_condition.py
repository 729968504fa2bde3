# Condition: wait()는 락을 놓고 기다렸다가 다시 잡는다; notify(n)은 기다린 순서대로 n개를 깨운다
import asyncio
import re

items = []

async def consumer(name, cond):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        print(name, "takes", items.pop(0), "locked?", cond.locked())

async def main():
    global items
    cond = asyncio.Condition()
    cs = [asyncio.create_task(consumer(f"c{i}", cond)) for i in range(1, 5)]
    await asyncio.sleep(0.1)
    print(re.search(r"\[(.*)\]", repr(cond)).group(1))
    try:
        cond.notify()
    except Exception as e:
        print("notify without the lock:", False, type(e).__name__, str(e))
    await cond.acquire()
    items = ["a", "b"]
    cond.notify(2)
    print("notified 2;", re.search(r"\[(.*)\]", repr(cond)).group(1))
    cond.release()
    await asyncio.sleep(0.1)
    await cond.acquire()
    items = ["c", "d", "e"]
    cond.notify_all()
    cond.release()
    await asyncio.gather(*cs)
    print("left:", items)
    try:
        await cond.wait()
    except Exception as e2:
        print("wait without the lock:", False, type(e2).__name__, str(e2))

asyncio.run(main())

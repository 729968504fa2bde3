# Queue.join은 넣은 항목마다 task_done이 불릴 때까지 기다린다; nowait 계열의 QueueFull/QueueEmpty, 너무 많은 task_done
import asyncio
import time

async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(name, "done with", item, f"at {time.monotonic() - START:.1f}")
        q.task_done()

async def main():
    global START
    START = time.monotonic()
    q = asyncio.Queue(3)
    for d in [0.3, 0.1, 0.4]:
        q.put_nowait(d)
    try:
        q.put_nowait(0.4)
    except Exception as e:
        print("put_nowait on full:", False, type(e).__name__, isinstance(e, asyncio.QueueFull), repr(str(e)))
    print("join with nothing in it returns at once:", await asyncio.Queue().join())
    ws = [asyncio.create_task(worker(f"w{i}", q)) for i in range(1, 3)]
    print("joining", q)
    await q.join()
    print(f"joined at {time.monotonic() - START:.1f}", q)
    for w in ws:
        w.cancel()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print("workers:", type(r[0]).__name__, type(r[1]).__name__)
    try:
        q.get_nowait()
    except Exception as e2:
        print("get_nowait on empty:", False, type(e2).__name__, isinstance(e2, asyncio.QueueEmpty))
    try:
        q.task_done()
    except Exception as e3:
        print("task_done once too often:", False, type(e3).__name__, str(e3))
    q.put_nowait("x")
    print(q.get_nowait(), q)
    q.task_done()
    print(q)

asyncio.run(main())

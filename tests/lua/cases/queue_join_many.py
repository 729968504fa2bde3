import asyncio

async def joiner(name, q):
    try:
        await q.join()
    except BaseException as e:
        print(name, "cancelled " + type(e).__name__, q)
        raise
    print(name, "joined", q)

async def main():
    q = asyncio.Queue()
    q.put_nowait("a")
    q.put_nowait("b")
    js = [asyncio.create_task(joiner("j%d" % i, q)) for i in range(1, 4)]
    await asyncio.sleep(0)
    js[1].cancel()
    await asyncio.sleep(0)
    q.task_done()
    print("one done:", q)
    print("get:", q.get_nowait(), q.get_nowait())
    q.put_nowait("c")
    q.task_done()
    print("two done:", q)
    late = asyncio.create_task(joiner("late", q))
    await asyncio.sleep(0)
    q.task_done()
    print("all done:", q)
    await asyncio.sleep(0)
    print("states:", js[0].done(), js[1].cancelled(), js[2].done(), late.done())
    await q.join()
    print("immediate join ok")
    q.put_nowait("d")
    j4 = asyncio.create_task(joiner("j4", q))
    def cb():
        q.get_nowait()
        q.task_done()
    asyncio.get_running_loop().call_later(0.5, cb)
    await j4
    print(f"j4 at {asyncio.get_running_loop().time() - T0:.1f}")

T0 = 0
async def outer():
    global T0
    T0 = asyncio.get_running_loop().time()
    await main()
asyncio.run(outer())

# 빈 Queue에서 기다리는 get들은 온 순서대로 깨어난다; 깨어난 뒤 취소된 get은 항목을 다음 차례에 넘긴다
import asyncio

async def getter(name, q):
    try:
        r = await q.get()
    except asyncio.CancelledError as e:
        print(name, "cancelled", type(e).__name__, "qsize", q.qsize())
        raise
    print(name, "got", r)

async def main():
    q = asyncio.Queue()
    g = []
    for name in ["g1", "g2", "g3", "g4"]:
        g.append(asyncio.create_task(getter(name, q)))
    await asyncio.sleep(0)
    print("waiting:", q)
    q.put_nowait("first")
    q.put_nowait("second")
    print("after two puts:", q)
    g[0].cancel()  # woken by the first put but not yet run: it must pass the item on
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("now:", q)
    # a getter cancelled while still waiting takes nothing
    g[3].cancel()
    await asyncio.sleep(0)
    q.put_nowait(None)  # None is an item like any other
    q.put_nowait("last")
    await asyncio.sleep(0)
    print("end:", q, "g1", g[0].cancelled(), "g4", g[3].cancelled())
    print("left:", q.get_nowait())

asyncio.run(main())

# task:cancel(msg): 메시지는 태스크 안에서 잡은 CancelledError에, 그리고 그 태스크를 await한 쪽에도 전해진다
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("worker caught:", type(e).__name__, repr(str(e)))
        raise

async def quiet():
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter caught:", type(e).__name__, repr(str(e)))
    try:
        t.result()
    except asyncio.CancelledError as e2:
        print("result():", type(e2).__name__, repr(str(e2)))

    q = asyncio.create_task(quiet())
    await asyncio.sleep(0.1)
    q.cancel("bye")
    try:
        await q
    except asyncio.CancelledError as e3:
        print("quiet:", type(e3).__name__, repr(str(e3)), q.cancelled())

    f = asyncio.Future()
    f.cancel("future message")
    try:
        await f
    except asyncio.CancelledError as e4:
        print("future:", type(e4).__name__, repr(str(e4)))

asyncio.run(main())

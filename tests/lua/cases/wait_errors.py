# asyncio.wait의 잘못된 인자: 빈 목록, 코루틴 직접 전달(3.11에서 금지), 잘못된 return_when, 목록이 아닌 값
import asyncio

async def job():
    await asyncio.sleep(0.1)
    return "ok"

async def attempt(label, aw):
    try:
        await aw
        print(label, True)
    except Exception as e:
        print(label, False, type(e).__name__, str(e))

async def main():
    t = asyncio.create_task(job())
    await attempt("empty:", asyncio.wait([]))
    c = job()
    await attempt("coroutine:", asyncio.wait([c]))
    await c  # awaited after all, so no never-awaited warning
    await attempt("return_when:", asyncio.wait([t], return_when="SOMETIME"))
    await attempt("a task alone:", asyncio.wait(t))
    print("constants:", asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    done, pending = await asyncio.wait([t])
    print("still works:", len(done), len(pending), t.result())

asyncio.run(main())

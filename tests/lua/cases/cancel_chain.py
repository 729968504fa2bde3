# 다른 태스크를 await 중인 태스크를 취소하면 안쪽 태스크도 취소된다 (취소는 await 사슬을 따라 내려간다)
import asyncio

async def innermost():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("innermost: got", type(e).__name__)
        raise

async def middle():
    global INNER
    t = asyncio.create_task(innermost(), name="innermost")
    INNER = t
    try:
        return await t
    except asyncio.CancelledError as e:
        print("middle: got", type(e).__name__, "inner cancelled?", t.cancelled())
        raise

async def main():
    outer = asyncio.create_task(middle(), name="middle")
    await asyncio.sleep(0.5)
    print("cancel middle ->", outer.cancel())
    print("inner done yet?", INNER.done())
    try:
        await outer
    except asyncio.CancelledError as e:
        print("main: got", type(e).__name__, "middle cancelled?", outer.cancelled(), "innermost cancelled?", INNER.cancelled())
    print("tasks left:", len(asyncio.all_tasks()))
    print("isinstance:", isinstance(outer, asyncio.Task), isinstance(outer, asyncio.Future),
          isinstance(asyncio.Future(), asyncio.Task))

asyncio.run(main())

# wait_for 중인 태스크를 취소하면 안쪽 태스크도 취소되고, 안쪽이 정리를 마친 뒤에야 바깥이 CancelledError를 받는다
import asyncio
import time

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner: cancelled at", round(time.monotonic() - START, 1))
        await asyncio.sleep(0.3)
        print("inner: cleanup done at", round(time.monotonic() - START, 1))
        raise

async def outer():
    try:
        return await asyncio.wait_for(inner(), 5)
    except BaseException as e:
        print("outer: got", type(e).__name__, "at", round(time.monotonic() - START, 1))
        raise

async def error_inner():
    await asyncio.sleep(0.2)
    raise ValueError("inner failed")

async def main():
    global START
    START = time.monotonic()
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    print("main: cancel ->", t.cancel())
    try:
        await t
    except BaseException as e:
        print("main: outer cancelled?", t.cancelled(), type(e).__name__)
    for task in asyncio.all_tasks():
        print("still alive:", task.get_name())

    # an error inside propagates through wait_for as it is
    try:
        await asyncio.wait_for(error_inner(), 1)
    except Exception as e2:
        print("error:", False, type(e2).__name__, str(e2))
    print(f"elapsed {time.monotonic() - START:.1f}")

asyncio.run(main())

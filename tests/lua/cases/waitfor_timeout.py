# wait_for 시간 초과: 안쪽 태스크를 취소하고, 그 태스크가 취소를 끝낼 때까지 기다린 뒤 TimeoutError
import asyncio
import time

async def slow():
    print("slow: start")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("slow: caught", type(e).__name__, "at", round(time.monotonic() - START, 1))
        await asyncio.sleep(0.5)  # 정리 작업: wait_for는 이것도 기다린다
        print("slow: cleanup done at", round(time.monotonic() - START, 1))
        raise

async def ticker():
    for i in range(1, 5):
        await asyncio.sleep(0.4)
        print("tick", i)

async def main():
    global START
    START = time.monotonic()
    tk = asyncio.create_task(ticker())
    try:
        await asyncio.wait_for(slow(), 1)
        ok = True
    except Exception as e:
        ok = False
        err = e
    print("wait_for ok?", ok)
    print("TimeoutError?", isinstance(err, TimeoutError), "type:", type(err).__name__, "message:", repr(str(err)))
    print(f"elapsed {time.monotonic() - START:.1f}")
    print("tasks left:", len(asyncio.all_tasks()))
    await tk

asyncio.run(main())

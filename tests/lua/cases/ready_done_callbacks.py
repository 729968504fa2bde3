# 완료 콜백은 추가한 순서대로, 각각 call_soon으로 예약된다 (이미 큐에 있는 일 다음에)
import asyncio

async def work():
    await asyncio.sleep(1)
    loop = asyncio.get_event_loop()
    loop.call_soon(lambda: print("queued before the task finished"))
    print("work returning")
    return "work result"

async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(lambda fut: print("first callback:", fut.result()))
    t.add_done_callback(lambda fut: print("second callback, done =", fut.done()))
    r = await t  # main의 재개도 완료 콜백이다: 세 번째로 추가됨
    print("main resumed with", r)
    t.add_done_callback(lambda fut: print("late callback"))
    print("added late callback")
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())

# 이미 완료된 Future에 add_done_callback해도 콜백은 실행된다 (call_soon으로, 즉시가 아니라)
import asyncio

def on_done(fut):
    print("callback got:", fut.result())

async def main():
    f = asyncio.Future()
    f.set_result("value")
    f.add_done_callback(on_done)
    print("callback added")
    f.add_done_callback(lambda fut: print("second callback, cancelled =", fut.cancelled()))
    await asyncio.sleep(0)
    print("main after one yield")

asyncio.run(main())

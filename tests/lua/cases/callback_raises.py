# a done callback that raises is reported on stderr and the loop goes on; callbacks added from
# inside a callback run after the ones already queued
import asyncio

async def main():
    f = asyncio.Future()
    def cb1(fut):
        print("cb1")
        raise ValueError("cb1 broke")
    def cb2(fut):
        print("cb2")
        fut.add_done_callback(lambda _: print("cb added by cb2"))
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    f.add_done_callback(lambda fut: print("cb3", fut.result()))
    loop = asyncio.get_event_loop()
    loop.call_soon(lambda: print("soon before set"))
    f.set_result("v")
    loop.call_soon(lambda: print("soon after set"))
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())

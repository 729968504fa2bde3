# create_task from a call_soon callback and from a done callback: where their first steps land
import asyncio

async def w(name):
    print(name, "first step")
    await asyncio.sleep(0)
    print(name, "second step")

async def main():
    loop = asyncio.get_event_loop()
    def a():
        print("callback A")
        asyncio.create_task(w("from A"))
        loop.call_soon(lambda: print("callback queued by A"))
    loop.call_soon(a)
    t = asyncio.create_task(w("plain"))
    def done_cb(_):
        print("done cb")
        asyncio.create_task(w("from done cb"))
    t.add_done_callback(done_cb)
    await t
    print("main after t")
    await asyncio.sleep(0)
    print("main 2")
    await asyncio.sleep(0)
    print("main 3")

asyncio.run(main())

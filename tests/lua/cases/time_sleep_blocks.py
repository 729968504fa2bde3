# time.sleep blocks the whole loop: due timers fire late, in deadline order, after the block
import asyncio, time

t0 = None

async def ticker(name, d):
    await asyncio.sleep(d)
    print("%s woke at %.1f" % (name, asyncio.get_event_loop().time() - t0))

async def main():
    global t0
    loop = asyncio.get_event_loop()
    t0 = loop.time()
    asyncio.create_task(ticker("t0.3", 0.3))
    asyncio.create_task(ticker("t0.1", 0.1))
    loop.call_later(0.2, lambda: print("callback at %.1f" % (loop.time() - t0)))
    await asyncio.sleep(0)
    print("blocking for 1 s")
    time.sleep(1)
    print("block over at %.1f" % (loop.time() - t0))
    loop.call_later(0, lambda: print("new call_later(0) after block"))
    await asyncio.sleep(0)
    print("main after sleep(0) at %.1f" % (loop.time() - t0))
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())

# get_event_loop() outside a running loop, run_until_complete twice on one loop (tasks left
# pending keep running in the next call), loop:time and call_soon with arguments
import asyncio

async def ticks(name, n):
    for i in range(1, n + 1):
        await asyncio.sleep(0.3)
        print(name, "tick", i)
    return name + " finished"

loop = asyncio.get_event_loop()
t0 = loop.time()
async def first_main():
    loop.call_soon(print, "call_soon", "with", 2, "args", None)
    asyncio.create_task(ticks("bg", 5))
    return await ticks("fg", 2)
first = loop.run_until_complete(first_main())
print("first run returned:", first)
print("time after first: %.1f" % (loop.time() - t0))
second = loop.run_until_complete(ticks("again", 2))
print("second run returned:", second)
print("time after second: %.1f" % (loop.time() - t0))
loop.close()
print("closed")

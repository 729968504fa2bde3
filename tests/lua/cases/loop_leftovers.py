import asyncio

async def forever():
    while True:
        await asyncio.sleep(1)

loop = asyncio.get_event_loop()
t = loop.create_task(forever())
f = loop.create_future()
f.set_exception(ValueError("lost"))
print(loop.run_until_complete(asyncio.sleep(0.5, "slept")))
print("pending?", not t.done())
loop.close()
print("closed")

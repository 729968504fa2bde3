# sleep with a negative delay behaves as sleep(0); sleep's result argument; timer ties by order
import asyncio

t0 = None

async def w(name, d):
    r = await asyncio.sleep(d, name + "!")
    print(name, r, round(asyncio.get_event_loop().time() - t0, 2))

async def main():
    global t0
    t0 = asyncio.get_event_loop().time()
    asyncio.create_task(w("neg", -5))
    asyncio.create_task(w("half-a", 0.5))
    asyncio.create_task(w("zero", 0))
    asyncio.create_task(w("half-b", 0.5))
    asyncio.create_task(w("quarter", 0.25))
    await asyncio.sleep(1)
    print("returned:", await asyncio.sleep(0, None), await asyncio.sleep(0, False))

asyncio.run(main())

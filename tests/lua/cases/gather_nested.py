# nested gathers: inner results are lists inside the outer list; start order follows arguments
import asyncio

async def w(name, d):
    print("start", name)
    await asyncio.sleep(d)
    print("end", name)
    return name

async def main():
    res = await asyncio.gather(
        asyncio.gather(w("a", 0.3), w("b", 0.1)),
        w("c", 0.2),
        asyncio.gather(),
        asyncio.gather(w("d", 0.05), asyncio.gather(w("e", 0.15))))
    print(res)
    print(len(res), len(res[2]), res[3][1][0])

asyncio.run(main())

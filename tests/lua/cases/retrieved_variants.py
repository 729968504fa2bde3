# which failed tasks count as "retrieved": via exception() in a done callback, via result(),
# via gather(return_exceptions), via a gather whose first error was another child's
import asyncio

async def fail(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)

def pcall(fn):
    try:
        return True, fn()
    except Exception as e:
        return False, e

async def main():
    a = asyncio.create_task(fail("a: seen by callback", 0.1))
    a.add_done_callback(lambda t: print("callback saw:", t.exception()))
    b = asyncio.create_task(fail("b: seen by result()", 0.1))
    c = asyncio.create_task(fail("c: gathered", 0.1))
    d1 = asyncio.create_task(fail("d1: first in gather", 0.1))
    d2 = asyncio.create_task(fail("d2: second in gather", 0.2))
    e = asyncio.create_task(fail("e: nobody", 0.1), name="E")
    await asyncio.sleep(0.15)
    print("b:", *pcall(lambda: b.result()))
    print(await asyncio.gather(c, return_exceptions=True))
    try:
        await asyncio.gather(d1, d2)
    except Exception as ex:
        print("gather d:", False, ex)
    await asyncio.sleep(0.2)
    print("end")

asyncio.run(main())

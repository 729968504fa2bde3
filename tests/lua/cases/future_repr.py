# print of Futures in each state, and task names given as numbers
import asyncio

async def nop():
    pass

async def main():
    f = asyncio.Future()
    print(f)
    f.set_result("v")
    print(f)
    g = asyncio.Future()
    g.set_result([1, 2])
    print(g)
    h = asyncio.Future()
    h.cancel()
    print(h)
    k = asyncio.Future()
    k.set_exception(ValueError("bad"))
    print(k)
    k.exception()
    n = asyncio.Future()
    n.set_result(None)
    print(n, repr(f))
    t = asyncio.create_task(nop(), name=42)
    print(t.get_name(), type(t.get_name()).__name__.replace("str", "string"))
    t.set_name(7)
    print(t.get_name(), type(t.get_name()).__name__.replace("str", "string"))
    await t

asyncio.run(main())

# a plain Future whose exception nobody looks at; one that is looked at via exception()
import asyncio

async def main():
    f = asyncio.Future()
    f.set_exception(ValueError("nobody saw this"))
    g = asyncio.Future()
    g.set_exception(TypeError("seen"))
    print("g exception:", g.exception())
    async def k():
        raise KeyError("k")
    t = asyncio.create_task(k())
    await asyncio.sleep(0)
    print("t done:", t.done())
    print("end")

asyncio.run(main())

import asyncio

async def main():
    f = asyncio.Future()
    f.set_exception(ValueError("lost"))
    g = asyncio.Future()
    g.set_exception(ValueError("seen"))
    print("seen:", g.exception())
    print("main done")

asyncio.run(main())

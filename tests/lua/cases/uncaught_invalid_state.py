# an uncaught InvalidStateError from result() on a pending Future
import asyncio

async def main():
    f = asyncio.Future()
    print("about to call result()")
    print(f.result())

asyncio.run(main())

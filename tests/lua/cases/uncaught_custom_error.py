# an uncaught error of a user-defined class: stderr names the class as Python does
import asyncio

class MyError(ValueError):
    pass

async def deep(n):
    await asyncio.sleep(0.1)
    if n == 0:
        raise MyError("deep failure")
    await deep(n - 1)

async def main():
    try:
        await deep(1)
    except Exception as e:
        print("caught once:", type(e).__name__, isinstance(e, MyError), isinstance(e, ValueError), isinstance(e, Exception))
    await deep(2)

asyncio.run(main())

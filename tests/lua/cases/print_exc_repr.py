# exceptions inside a list print as their repr; no-argument errors have an empty repr
import asyncio

async def main():
    print([ValueError("x"), asyncio.CancelledError(), RuntimeError(), Exception("")])
    print(repr(ValueError()), repr(TypeError("it's")), repr(asyncio.CancelledError("m")))
    print(str(asyncio.CancelledError()) == "", ValueError())

asyncio.run(main())

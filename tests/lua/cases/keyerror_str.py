# str() of a KeyError is its key's repr, and so is the last line of its traceback
import asyncio


async def main():
    try:
        raise KeyError("k")
    except KeyError as e:
        print(str(e), str(e), repr(e), isinstance(e, LookupError))
    try:
        raise KeyError(3)
    except KeyError as e2:
        print(str(e2), repr(e2))
    raise KeyError("missing")


asyncio.run(main())

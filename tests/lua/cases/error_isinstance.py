# 에러 값: e.type, e.message, tostring(e), isinstance
import asyncio
# e.type → type(e).__name__, e.message → e.args[0]

async def raise_it(kind):
    await asyncio.sleep(0.1)
    if kind == "value": raise ValueError("bad input")
    elif kind == "runtime": raise RuntimeError("loop is closed")
    elif kind == "type": raise TypeError("expected a string")
    else: raise Exception("plain exception")

async def main():
    for kind in ["value", "runtime", "type", "plain"]:
        try: await raise_it(kind)
        except Exception as e:
            print(kind, False, type(e).__name__, e.args[0], str(e))
            print("  ValueError?", isinstance(e, ValueError), "RuntimeError?", isinstance(e, RuntimeError),
                  "Exception?", isinstance(e, Exception))
    e = TimeoutError("took too long")
    print(type(e).__name__, str(e), isinstance(e, Exception), isinstance(e, asyncio.CancelledError))
    print("printed directly:", ValueError("as message"))

asyncio.run(main())

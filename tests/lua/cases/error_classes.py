# the error class hierarchy and the asyncio aliases; set_exception with a class or a CancelledError
import asyncio

async def main():
    c = asyncio.CancelledError("c")
    print(isinstance(c, Exception), isinstance(c, BaseException), isinstance(c, asyncio.CancelledError))
    t = TimeoutError("t")
    print(isinstance(t, OSError), isinstance(t, asyncio.TimeoutError), asyncio.TimeoutError == TimeoutError)
    print(asyncio.CancelledError == asyncio.exceptions.CancelledError, asyncio.InvalidStateError == asyncio.exceptions.InvalidStateError)
    print(isinstance(asyncio.InvalidStateError("i"), Exception), isinstance(RuntimeError("r"), ValueError))
    class Mine(RuntimeError): pass
    class Sub(Mine): pass
    s = Sub("deep")
    print(type(s).__name__, isinstance(s, Mine), isinstance(s, RuntimeError), isinstance(s, Exception), isinstance(Mine("m"), Sub))

    f = asyncio.Future()
    f.set_exception(ValueError)
    try:
        await f
    except Exception as e:
        print("class set:", False, type(e).__name__, repr(str(e)))

    g = asyncio.Future()
    g.set_exception(asyncio.CancelledError("odd"))
    print("cancelled()?", g.cancelled(), "done?", g.done())
    try:
        await g
    except BaseException as e2:
        print("await:", False, type(e2).__name__, str(e2))

asyncio.run(main())

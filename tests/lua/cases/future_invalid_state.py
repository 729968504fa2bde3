# InvalidStateError and CancelledError from Future methods in each state
import asyncio

def try_(label, fn):
    try:
        r = fn()
    except BaseException as e:
        print(label, "raised", type(e).__name__)
    else:
        print(label, "ok", r)

async def main():
    f = asyncio.Future()
    try_("pending exception()", lambda: f.exception())
    try_("pending result()", lambda: f.result())
    print("cancel pending:", f.cancel(), f.cancelled(), f.done())
    print("cancel again:", f.cancel())
    try_("cancelled result()", lambda: f.result())
    try_("cancelled exception()", lambda: f.exception())
    try_("cancelled set_result", lambda: f.set_result(1))
    try_("cancelled set_exception", lambda: f.set_exception(ValueError("v")))

    g = asyncio.Future()
    g.set_exception(ValueError("boom"))
    print("errored cancel:", g.cancel(), g.cancelled())
    print("errored exception():", type(g.exception()).__name__, str(g.exception()))
    try_("errored result()", lambda: g.result())
    try_("errored set_result", lambda: g.set_result(2))

    h = asyncio.Future()
    h.set_result(None)
    print("nil result:", h.result(), h.exception(), h.done())

asyncio.run(main())

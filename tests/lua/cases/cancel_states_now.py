# right after cancel(): a sleeping task and an unstarted task are not yet cancelled; cancel() twice
import asyncio

async def sleeper(name):
    print(name, "started")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "caught", type(e).__name__, repr(str(e)))
        raise

async def main():
    s = asyncio.create_task(sleeper("sleeping"))
    await asyncio.sleep(0)
    u = asyncio.create_task(sleeper("unstarted"))
    print("cancel sleeping:", s.cancel("first"), "again:", s.cancel("second"))
    print("cancel unstarted:", u.cancel("one"), "again:", u.cancel("two"))
    print("right after:", s.cancelled(), s.done(), u.cancelled(), u.done())
    await asyncio.sleep(0)
    print("one step later:", s.cancelled(), s.done(), u.cancelled(), u.done())
    print("cancel finished task:", s.cancel(), u.cancel())
    try:
        s.exception()
        ok = True
    except BaseException as e:
        print("exception() of cancelled:", False, type(e).__name__)

asyncio.run(main())

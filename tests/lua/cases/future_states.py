# Future 상태: pending → done, 또는 cancelled
import asyncio

async def main():
    f = asyncio.Future()
    print("pending:", f.done(), f.cancelled())
    f.set_result(42)
    print("finished:", f.done(), f.cancelled(), f.result())
    print("cancel a finished future:", f.cancel())

    g = asyncio.Future()
    print("cancel a pending future:", g.cancel())
    print("cancelled:", g.done(), g.cancelled())
    print("cancel again:", g.cancel())
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("result() raises CancelledError:", False, isinstance(e, asyncio.CancelledError), type(e).__name__)

asyncio.run(main())

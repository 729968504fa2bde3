import asyncio, re

def state(ev):
    return re.search(r"\[(.*)\]", repr(ev)).group(1)

async def waiter(name, ev):
    try:
        await ev.wait()
    except BaseException as e:
        print(name, "cancelled " + type(e).__name__, state(ev))
        raise
    print(name, "woke", state(ev))

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.2)
    except BaseException as e:
        print("wait_for:", False, type(e).__name__, state(ev))

    a = asyncio.create_task(waiter("a", ev))
    b = asyncio.create_task(waiter("b", ev))
    await asyncio.sleep(0)
    print(state(ev))
    ev.set()
    b.cancel()
    print("set, b cancelled:", state(ev))
    await asyncio.sleep(0)
    print("after:", state(ev), a.done(), b.cancelled())

    ev.clear()
    c = asyncio.create_task(waiter("c", ev))
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(state(ev))
    ev.set(); ev.clear(); ev.set()
    await asyncio.sleep(0)
    print("t:", t.done(), t.result(), state(ev))
    print("is_set:", ev.is_set())
    print("set + timeout 0:", await asyncio.wait_for(ev.wait(), 0))

asyncio.run(main())

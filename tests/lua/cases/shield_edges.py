import asyncio

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name + " failed")
    return name + " ok"

async def show(label, aw):
    try:
        r = await aw
        print(label, True, r, "")
    except BaseException as e:
        print(label, False, type(e).__name__, str(e))

async def main():
    inner = asyncio.create_task(work("i1", 1))
    outer = asyncio.shield(inner)
    asyncio.get_running_loop().call_later(0.2, lambda: inner.cancel())
    await show("inner cancelled:", outer)
    print("  outer cancelled?", outer.cancelled())

    inner = asyncio.create_task(work("i2", 0.2, True))
    outer = asyncio.shield(inner)
    await show("inner error:", outer)
    print("  same error object?", outer.exception() is inner.exception())

    inner = asyncio.create_task(work("i3", 0.3, True), name="i3")
    outer = asyncio.shield(inner)
    print("outer:cancel() ->", outer.cancel(), "inner done?", inner.done())
    await show("cancelled outer:", outer)
    await asyncio.sleep(0.5)
    print("  inner done?", inner.done(), "cancelled?", inner.cancelled())

    names = [t.get_name() for t in asyncio.all_tasks()]
    o = asyncio.shield(work("co", 0.2))
    print("tasks before/after:", len(names), len(asyncio.all_tasks()))
    o.cancel()
    await asyncio.sleep(0.3)
    print("  tasks left:", len(asyncio.all_tasks()))

    inner = asyncio.create_task(work("i4", 0.2))
    s1, s2 = asyncio.shield(inner), asyncio.shield(inner)
    print("two shields differ?", s1 is not s2)
    s1.cancel()
    await show("s2:", s2)
    print("  s1 cancelled?", s1.cancelled())

asyncio.run(main())

import asyncio, time

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

def names(s):
    return ",".join(sorted(t.get_name() for t in s))

def at(t0):
    return f"{time.monotonic() - t0:.1f}"

async def main():
    t0 = time.monotonic()
    ts = [asyncio.create_task(job("a", 0.2), name="a"), asyncio.create_task(job("b", 0.4), name="b")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("no error:", names(done), "|", names(pending), at(t0))

    t0 = time.monotonic()
    ts = [asyncio.create_task(job("c", 0.5), name="c"), asyncio.create_task(job("d", 0.3), name="d"),
          asyncio.create_task(job("e", 0.4, True), name="e")]
    asyncio.get_running_loop().call_later(0.1, lambda: ts[0].cancel())
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("cancel then error:", names(done), "|", names(pending), at(t0), ts[0].cancelled())
    t0 = time.monotonic()
    f = asyncio.create_task(job("f", 1), name="f")
    g = asyncio.create_task(job("g", 2), name="g")
    asyncio.get_running_loop().call_later(0.3, lambda: g.cancel())
    done, pending = await asyncio.wait([f, g], return_when=asyncio.FIRST_COMPLETED)
    print("cancelled first:", names(done), "|", names(pending), at(t0))

    t0 = time.monotonic()
    h = asyncio.create_task(job("h", 0), name="h")
    done, pending = await asyncio.wait([f, h], timeout=0)
    print("timeout 0:", names(done), "|", names(pending), at(t0))
    done, pending = await asyncio.wait([f, h], timeout=0)
    print("timeout 0 again:", names(done), "|", names(pending), at(t0))

    done, pending = await asyncio.wait([h, g], timeout=5)
    print("already done:", names(done), "|", names(pending), at(t0))

    fut = asyncio.Future()
    asyncio.get_running_loop().call_later(0.2, lambda: fut.set_exception(RuntimeError("boom")))
    done, pending = await asyncio.wait([fut, f], return_when=asyncio.FIRST_EXCEPTION)
    print("future exception:", len(done), len(pending), str(list(done)[0].exception()), at(t0))
    done, pending = await asyncio.wait([f], timeout=-1)
    print("negative:", len(done), len(pending), at(t0))
    await f
    print("end", at(t0))

asyncio.run(main())

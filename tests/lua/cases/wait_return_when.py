# asyncio.wait: return_when에 따라 (done, pending)을 돌려준다; 남은 태스크는 취소되지 않고 계속 돈다
import asyncio
import time

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print("  " + name + " finished at", round(time.monotonic() - START, 1))
    if fail:
        raise ValueError(name + " failed")
    return name

def names(s):
    return sorted(t.get_name() for t in s)

def make():
    return [
        asyncio.create_task(job("a", 0.3), name="a"),
        asyncio.create_task(job("b", 0.1, True), name="b"),
        asyncio.create_task(job("c", 0.2), name="c"),
    ]

async def main():
    global START
    START = time.monotonic()
    print("FIRST_COMPLETED:")
    tasks = make()
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending), "at", round(time.monotonic() - START, 1))
    done, pending = await asyncio.wait(pending)
    print("done", names(done), "pending", names(pending), "at", round(time.monotonic() - START, 1))
    print("b exception:", tasks[1].exception())

    print("FIRST_EXCEPTION:")
    START = time.monotonic()
    tasks = make()
    done, pending = await asyncio.wait(tasks, return_when="FIRST_EXCEPTION")
    print("done", names(done), "pending", names(pending), "at", round(time.monotonic() - START, 1))
    await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)

    print("ALL_COMPLETED:")
    START = time.monotonic()
    tasks = make()
    done, pending = await asyncio.wait(tasks)
    print("done", names(done), "pending", names(pending), "at", round(time.monotonic() - START, 1))
    for t in sorted(done, key=lambda t: t.get_name()):
        if t.exception():
            print(t.get_name(), "raised", t.exception())
        else:
            print(t.get_name(), "->", t.result())

    print("all done already:")
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))

asyncio.run(main())

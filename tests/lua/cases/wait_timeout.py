# asyncio.wait(timeout=): 시간이 다 되면 그때까지 끝난 것과 남은 것을 돌려준다 (TimeoutError 없음, 취소도 없음)
import asyncio
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    print("  " + name + " finished")
    return name

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    start = time.monotonic()
    tasks = []
    for i, d in enumerate([2, 0.5, 3, 1], 1):
        tasks.append(asyncio.create_task(job(f"job{i}", d), name=f"job{i}"))
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print("after 1.5 s: done", names(done), "pending", names(pending))
    print(f"elapsed {time.monotonic() - start:.1f}")
    pending = sorted(pending, key=lambda t: t.get_name())
    for t in pending:
        print(t.get_name(), "cancelled?", t.cancelled(), "done?", t.done())
    # a future given twice counts once
    done, pending = await asyncio.wait([pending[0], pending[0], pending[1]], timeout=10)
    print("done", names(done), "pending", names(pending))
    print(f"elapsed {time.monotonic() - start:.1f}")
    # the timeout's timer is cancelled once everything is done: no late wake-up
    f = asyncio.Future()
    asyncio.get_running_loop().call_later(0.2, lambda: f.set_result("set"))
    done, pending = await asyncio.wait([f], timeout=5)
    print("future done:", len(done), "result:", list(done)[0].result())
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

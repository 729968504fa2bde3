# shield: wait_for가 시간 초과로 바깥을 취소해도, 보호된 안쪽 태스크는 계속 돌아 끝난다
import asyncio
import time

async def save(name):
    print("saving", name)
    await asyncio.sleep(2)
    print("saved", name, f"at {time.monotonic() - START:.1f}")
    return name + " saved"

async def wrap(aw):
    return await aw

async def main():
    global START
    START = time.monotonic()
    t = asyncio.create_task(save("report"))
    try:
        await asyncio.wait_for(asyncio.shield(t), 1)
    except TimeoutError as e:
        print("wait_for:", False, type(e).__name__, f"at {time.monotonic() - START:.1f}")
    print("inner cancelled?", t.cancelled(), "done?", t.done())
    print("inner result:", await t)

    # cancelling the task that awaits a shield does not reach the shielded one
    inner = asyncio.create_task(save("log"))
    waiter = asyncio.create_task(wrap(asyncio.shield(inner)))
    await asyncio.sleep(0.5)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError as e2:
        print("waiter:", False, type(e2).__name__, "inner cancelled?", inner.cancelled())
    print("inner result:", await inner)
    done = asyncio.Future()
    done.set_result("already")
    print("shield of a done future is that future:", asyncio.shield(done) is done)
    print(f"elapsed {time.monotonic() - START:.1f}")

asyncio.run(main())

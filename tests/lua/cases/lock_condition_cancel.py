# Condition.wait 중에 취소되면 락을 다시 잡은 뒤에야 CancelledError가 올라온다
import asyncio
import re


def show(cond):  # repr without the address, as Loopscope prints it
    return "<asyncio.locks.Condition object " + re.search(r"\[.*\]", repr(cond)).group(0) + ">"


async def w(name, cond):
    await cond.acquire()
    try:
        r = await cond.wait()
        print(name, True, r, "locked?", cond.locked())
    except asyncio.CancelledError as e:
        print(name, False, type(e).__name__, "locked?", cond.locked())
    cond.release()

async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(w("a", cond))
    b = asyncio.create_task(w("b", cond))
    await asyncio.sleep(0)
    await cond.acquire()
    a.cancel()
    cond.notify_all()
    await asyncio.sleep(0.1)
    print("main releasing", show(cond))
    cond.release()
    await asyncio.gather(a, b, return_exceptions=True)
    print(a.cancelled(), b.done(), show(cond))

asyncio.run(main())

# Event: set()은 기다리던 태스크를 모두 온 순서대로 깨운다; clear() 뒤에는 다시 기다린다; 이미 set이면 바로 통과
import asyncio
import re
import time

async def waiter(name, ev):
    print(name, "waits")
    r = await ev.wait()
    print(name, "woke with", r, f"at {time.monotonic() - START:.1f}", "is_set", ev.is_set())

def show(ev):  # repr without the address, as Loopscope prints it
    return "<asyncio.locks.Event object " + re.search(r"\[.*\]", repr(ev)).group(0) + ">"

async def main():
    global START
    START = time.monotonic()
    ev = asyncio.Event()
    print(show(ev), ev.is_set())
    ts = [asyncio.create_task(waiter(name, ev)) for name in ["w1", "w2", "w3"]]
    await asyncio.sleep(0.5)
    print(show(ev))
    ts[1].cancel()
    await asyncio.sleep(0)
    print("after cancelling w2:", show(ev))
    ev.set()
    ev.clear()  # cleared before they run: the waiters are still woken
    print("set then cleared:", show(ev))
    await asyncio.sleep(0)
    print("w2 cancelled?", ts[1].cancelled())
    ev.set()
    print("already set:", await ev.wait())
    ev.set()  # setting twice is harmless
    ev.clear()
    late = asyncio.create_task(waiter("late", ev))
    asyncio.get_running_loop().call_later(1, ev.set)
    await late
    print(f"elapsed {time.monotonic() - START:.1f}")

asyncio.run(main())

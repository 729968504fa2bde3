# a task that raises CancelledError itself ends cancelled; in a gather with return_exceptions it
# shows up as a CancelledError result; without, the gather raises it (messages included)
import asyncio

async def quitter(msg):
    await asyncio.sleep(0.1)
    raise asyncio.CancelledError(msg)

async def fine():
    await asyncio.sleep(0.2)
    return "fine"

async def main():
    t = asyncio.create_task(quitter("gave up"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("await:", False, type(e).__name__, repr(str(e)), "cancelled?", t.cancelled())
    res = await asyncio.gather(quitter("in gather"), fine(), return_exceptions=True)
    print(type(res[0]).__name__, repr(str(res[0])), res[1], isinstance(res[0], asyncio.CancelledError))
    try:
        await asyncio.gather(fine(), quitter("plain gather"))
    except asyncio.CancelledError as e2:
        print("plain gather:", False, type(e2).__name__, repr(str(e2)))
    v = asyncio.create_task(fine())
    asyncio.get_event_loop().call_later(0.1, lambda: v.cancel("victim msg"))
    res2 = await asyncio.gather(v, return_exceptions=True)
    print("cancelled child in gather:", type(res2[0]).__name__, repr(str(res2[0])))
    await asyncio.sleep(0.3)

asyncio.run(main())

# gather with the same coroutine object twice (it runs once), and with a plain Future set later;
# the tasks gather makes get the next default names
import asyncio

async def w(name):
    print("run", name, asyncio.current_task().get_name())
    await asyncio.sleep(0.1)
    return name

async def main():
    c = w("shared")
    f = asyncio.Future()
    asyncio.get_event_loop().call_later(0.2, lambda: f.set_result("from future"))
    res = await asyncio.gather(c, w("other"), c, f)
    print(res)
    t = asyncio.create_task(w("after"))
    await t

asyncio.run(main())

# a task that fails in its first step (before any await): when it runs, what main sees, and
# done callbacks on a task that ends cancelled before it ever started
import asyncio

async def boom(name):
    print(name, "runs")
    raise ValueError(name + " failed at once")

async def never():
    print("never runs")

async def main():
    t = asyncio.create_task(boom("t"))
    print("created, done?", t.done())
    n = asyncio.create_task(never())
    n.add_done_callback(lambda f: print("callback: cancelled?", f.cancelled(), "done?", f.done()))
    print("cancel unstarted:", n.cancel())
    await asyncio.sleep(0)
    print("after one step: t done?", t.done(), "exception:", t.exception())
    try:
        await boom("direct")
    except Exception as e:
        print("direct await:", False, str(e))
    print("n cancelled?", n.cancelled())

asyncio.run(main())

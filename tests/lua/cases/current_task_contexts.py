# current_task() in a task, in a call_soon callback and in a done callback; all_tasks() contents
import asyncio

async def w():
    me = asyncio.current_task()
    print("inside worker:", me.get_name())
    me.set_name("renamed")
    await asyncio.sleep(0.1)
    return me.get_name()

async def main():
    loop = asyncio.get_event_loop()
    t = asyncio.create_task(w())
    t2 = asyncio.create_task(w(), name="custom")
    loop.call_soon(lambda: print("in call_soon: current_task is", asyncio.current_task()))
    t.add_done_callback(lambda f: print("in done callback:", asyncio.current_task(), f == t))
    names = sorted(x.get_name() for x in asyncio.all_tasks())
    print("all tasks:", names)
    print("main is", asyncio.current_task().get_name(), asyncio.current_task() == asyncio.current_task())
    print(await t, await t2)
    print("left:", len(asyncio.all_tasks()), list(asyncio.all_tasks())[0] == asyncio.current_task())

asyncio.run(main())

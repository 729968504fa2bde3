# awaiting a finished Future/Task or a coroutine object that does not sleep does not yield to the loop
import asyncio

async def quick(x):
    return x * 2

async def other():
    print("other task runs")

async def main():
    f = asyncio.Future()
    f.set_result("ready")
    t = asyncio.create_task(other())
    print("awaiting done future:", await f)
    print("awaiting coroutine object:", await quick(21))
    print("other done yet?", t.done())
    await asyncio.sleep(0)
    print("after sleep(0): other done?", t.done())
    print("awaiting done task:", await t)
    print("end")

asyncio.run(main())

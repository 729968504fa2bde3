# messages of misuse errors: a task awaiting itself, set_result on a Task, result()/exception()
# of a pending task
import asyncio

async def selfish():
    me = asyncio.current_task()
    try:
        await me
    except Exception as e:
        print("await self:", False, type(e).__name__, str(e).split(":")[0])
    return "ok"

async def slow():
    await asyncio.sleep(1)

async def main():
    print(await asyncio.create_task(selfish()))
    t = asyncio.create_task(slow())
    for m in ["result", "exception"]:
        try:
            getattr(t, m)()
        except Exception as e:
            print(m + "():", False, type(e).__name__, str(e))
    try:
        t.set_result(1)
    except Exception as e:
        print("set_result:", False, type(e).__name__, str(e))
    try:
        t.set_exception(ValueError("x"))
    except Exception as e:
        print("set_exception:", False, type(e).__name__, str(e))
    t.cancel()

asyncio.run(main())

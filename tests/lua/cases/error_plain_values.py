# error("text", 0) inside a coroutine: pcall around await sees the string; leaving a task it
# becomes a RuntimeError("text")
import asyncio

class LuaString(Exception):
    pass

async def raw(v, as_str=True):
    await asyncio.sleep(0.1)
    raise v

async def main():
    # direct await of a coroutine: Lua's pcall sees the raw string
    try:
        await raw(LuaString("plain text"))
    except LuaString as e:
        print("direct await:", False, "string", str(e))
    t = asyncio.create_task(raw(RuntimeError("from a task")))
    try:
        await t
    except Exception as e:
        print("awaited task:", False, type(e).__name__, str(e), isinstance(e, RuntimeError))
    print("exception():", type(t.exception()).__name__)
    res = await asyncio.gather(raw(RuntimeError("in gather")), raw(ValueError("ve")), return_exceptions=True)
    print(res)
    print(isinstance(res[0], Exception), type(res[0]).__name__, type(res[1]).__name__)

asyncio.run(main())

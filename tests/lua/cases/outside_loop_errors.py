# asyncio functions that need a running loop, called outside one
import asyncio

def try_(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, type(e).__name__, str(e))
    else:
        print(label, "ok")

async def co():
    return "x"

try_("current_task", lambda: asyncio.current_task())
try_("all_tasks", lambda: asyncio.all_tasks())
c = co()
try_("create_task", lambda: asyncio.create_task(c))
print("run:", asyncio.run(c))

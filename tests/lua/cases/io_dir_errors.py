import asyncio, aiofiles, os

async def show(label, aw):
    try:
        r = await aw
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__ + ": " + str(e))

def show_sync(label, fn):
    try:
        r = fn()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__ + ": " + str(e))

async def main():
    os.makedirs("data/sub")
    show_sync("makedirs again", lambda: os.makedirs("data/sub"))
    show_sync("exist_ok", lambda: os.makedirs("data/sub", exist_ok=True))
    p = os.path.join("data", "sub", "x.txt")
    print(p)
    await show("open folder r", aiofiles.open("data"))
    await show("open folder w", aiofiles.open("data", "w"))
    await show("mode rw", aiofiles.open(p, "rw"))
    await show("mode rbt", aiofiles.open(p, "rbt"))
    await show("mode r++", aiofiles.open(p, "r++"))
    await show("mode empty", aiofiles.open(p, ""))
    f = await aiofiles.open(p, "w")
    await show("write number", f.write(42))
    await f.close()
    await show("missing in folder", aiofiles.open("data/none/y.txt"))

asyncio.run(main())

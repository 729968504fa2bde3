import asyncio, aiofiles

async def main():
    f = await aiofiles.open("new.txt", "w")
    await f.write("abc")
    await f.close()
    f = await aiofiles.open("new.txt", "a+")
    print("a+ read at start:", repr(await f.read()))
    await f.write("def")
    await f.close()
    f = await aiofiles.open("new.txt")
    print(repr(await f.read()))
    await f.close()

asyncio.run(main())

import asyncio, aiofiles

async def main():
    f = await aiofiles.open("ko.txt", "w")
    n = await f.write("안녕")
    print("wrote", n, "characters")
    print("wrote", await f.write(", world"), "characters")
    await f.close()
    f = await aiofiles.open("ko.txt")
    s = await f.read()
    print(s)
    await f.close()

asyncio.run(main())

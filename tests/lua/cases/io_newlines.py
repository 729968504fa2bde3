import asyncio, aiofiles

async def main():
    f = await aiofiles.open("crlf.txt", "w")
    await f.write("one\r\ntwo\rthree\n")
    await f.close()
    f = await aiofiles.open("crlf.txt")
    s = await f.read()
    await f.close()
    print(repr(s), len(s))

asyncio.run(main())

import asyncio, aiofiles

async def slurp(name):
    f = await aiofiles.open(name)
    s = await f.read()
    await f.close()
    return s

async def main():
    f = await aiofiles.open("log.txt", "w")
    print("write:", await f.write("line 1\n"), f.name, f.mode, f.closed)
    await f.close()
    print("closed:", f.closed)
    f = await aiofiles.open("log.txt", "a")
    await f.write("line 2\n")
    await f.close()
    print(repr(await slurp("log.txt")))

    f = await aiofiles.open("log.txt", "r")
    chunks = []
    while True:
        c = await f.read(5)
        if c == "":
            break
        chunks.append(c)
    print("chunks:", chunks, repr(await f.read()), repr(await f.read(3)))
    await f.close()

    f = await aiofiles.open("new.txt", "w+")
    await f.write("abc")
    print("w+ read after write:", repr(await f.read()))
    await f.close()
    f = await aiofiles.open("new.txt", "a")
    await f.write("def")
    await f.close()
    print(repr(await slurp("new.txt")))
    f = await aiofiles.open("new.txt", "w")
    await f.close()
    print("truncated:", repr(await slurp("new.txt")))

asyncio.run(main())

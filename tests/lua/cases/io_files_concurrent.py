# 파일 I/O는 워커 스레드에서 일어나고, 그동안 루프는 다른 태스크를 돌린다
# (aiofiles is not installed here: asyncio.to_thread does each blocking call, as aiofiles does)
import asyncio
import os
import tempfile

done = None


async def writer():
    print("writer: opening log.txt")
    f = await asyncio.to_thread(open, "log.txt", "w")
    print("writer: writing")
    n = await asyncio.to_thread(f.write, "hello, loop")
    await asyncio.to_thread(f.close)
    print(f"writer: wrote {n} characters")
    done.set_result(n)


async def other():
    print("other: running while the file opens")
    n = await done
    print(f"other: the writer is done ({n} characters)")


async def main():
    global done
    done = asyncio.get_running_loop().create_future()
    await asyncio.gather(writer(), other())
    f = await asyncio.to_thread(open, "log.txt")
    print(await asyncio.to_thread(f.read))
    await asyncio.to_thread(f.close)


with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    asyncio.run(main())

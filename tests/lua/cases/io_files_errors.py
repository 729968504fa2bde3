# 파일 I/O의 예외: 없는 파일, 잘못된 모드, 읽기 전용이 아닌 파일, 닫힌 파일, 이미 있는 파일
# (aiofiles is not installed here: asyncio.to_thread does each blocking call, as aiofiles does)
import asyncio
import os
import tempfile


def show(e):
    print(f"{type(e).__name__}: {e}")


async def main():
    try:
        await asyncio.to_thread(open, "missing.txt")
    except OSError as e:
        show(e)
    try:
        await asyncio.to_thread(open, "a.txt", "q")
    except ValueError as e:
        show(e)
    f = await asyncio.to_thread(open, "a.txt", "w")
    try:
        await asyncio.to_thread(f.read)
    except OSError as e:
        show(e)
    print(await asyncio.to_thread(f.write, "abc"))
    await asyncio.to_thread(f.close)
    try:
        await asyncio.to_thread(f.write, "more")
    except ValueError as e:
        show(e)
    try:
        await asyncio.to_thread(open, "a.txt", "x")
    except OSError as e:
        show(e)
        print(isinstance(e, OSError), e.errno, e.filename)


with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    asyncio.run(main())

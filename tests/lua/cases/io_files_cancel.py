# 파일을 읽는 태스크를 취소하면 await 지점에서 CancelledError가 난다; 파일은 그대로 쓸 수 있다
# (aiofiles is not installed here: asyncio.to_thread does each blocking call, as aiofiles does)
import asyncio
import os
import tempfile


async def read_all(name):
    f = await asyncio.to_thread(open, name)
    s = await asyncio.to_thread(f.read)
    await asyncio.to_thread(f.close)
    return s


async def main():
    f = await asyncio.to_thread(open, "data.txt", "w")
    await asyncio.to_thread(f.write, "some data")
    await asyncio.to_thread(f.close)
    reader = asyncio.create_task(read_all("data.txt"))
    await asyncio.sleep(0)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError as e:
        print(False, type(e).__name__, reader.cancelled())
    print(await read_all("data.txt"))


with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    asyncio.run(main())

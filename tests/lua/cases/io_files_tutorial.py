# aiofiles: 파일 쓰기 → 읽어서 대문자로 → 다른 파일에 쓰기 → 다시 읽기 (튜토리얼 예제)
# aiofiles is not installed here: the same program with asyncio.to_thread doing each blocking
# call on a worker thread, as aiofiles does, in a scratch folder.
import asyncio
import os
import tempfile


async def read_file(filename):
    f = await asyncio.to_thread(open, filename, "r")
    contents = await asyncio.to_thread(f.read)
    await asyncio.to_thread(f.close)
    return contents


async def write_file(filename, content):
    f = await asyncio.to_thread(open, filename, "w")
    await asyncio.to_thread(f.write, content)
    await asyncio.to_thread(f.close)


async def process_file(input_file, output_file):
    content = await read_file(input_file)
    processed_content = content.upper()  # 간단한 처리: 모든 텍스트를 대문자로 변환
    await write_file(output_file, processed_content)


async def main():
    await write_file('input.txt', 'Hello, World!\nThis is a test file.')
    await process_file('input.txt', 'output.txt')
    result = await read_file('output.txt')
    print("Processed content:", result)


with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    asyncio.run(main())

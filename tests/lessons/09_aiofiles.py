# Lesson 9's twin: asynchronous file I/O with aiofiles -- write, uppercase, read back.
# Needs aiofiles (pip install aiofiles, or Debian's python3-aiofiles). Run it in a scratch
# folder: it writes input.txt and output.txt where it runs.
import asyncio

import aiofiles


async def read_file(filename):
    async with aiofiles.open(filename, mode='r') as f:
        contents = await f.read()
    return contents


async def write_file(filename, content):
    async with aiofiles.open(filename, mode='w') as f:
        await f.write(content)


async def process_file(input_file, output_file):
    content = await read_file(input_file)
    processed_content = content.upper()  # 간단한 처리: 모든 텍스트를 대문자로 변환
    await write_file(output_file, processed_content)


async def main():
    await write_file('input.txt', 'Hello, World!\nThis is a test file.')
    await process_file('input.txt', 'output.txt')
    result = await read_file('output.txt')
    print("Processed content:", result)


asyncio.run(main())
# 'input.txt' 파일 생성 - Hello, World!\nThis is a test file.
# 'output.txt' 파일 생성 - HELLO, WORLD!\nTHIS IS A TEST FILE.

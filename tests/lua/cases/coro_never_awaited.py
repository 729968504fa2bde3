# 잊힌 await: 코루틴 객체만 만들고 실행하지 않는다
import asyncio

async def test():
    print("never scheduled")

async def main():
    test()
    print("main done")

asyncio.run(main())

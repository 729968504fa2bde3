# main에서 잡히지 않은 에러: 종료 코드 1, stderr에 ValueError: boom
import asyncio

async def step():
    await asyncio.sleep(0.5)
    raise ValueError("boom")

async def main():
    print("before")
    await step()
    print("never printed")

asyncio.run(main())

# 인자 없는 gather는 빈 리스트를 돌려준다
import asyncio

async def main():
    results = await asyncio.gather()
    print("results:", results)
    print("count:", len(results))

asyncio.run(main())

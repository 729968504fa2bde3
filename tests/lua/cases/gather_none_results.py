# 값을 돌려주지 않는 코루틴의 결과는 None(nil)으로 리스트에 들어간다
import asyncio

async def quiet(delay):
    await asyncio.sleep(delay)

async def loud(delay):
    await asyncio.sleep(delay)
    return f"loud {delay}"

async def main():
    results = await asyncio.gather(quiet(1), loud(2), quiet(0.5))
    print("결과:", results)
    print(results[0], results[1], results[2])

asyncio.run(main())

# 태스크 안에서 current_task():get_name()으로 자기 이름을 안다
import asyncio

async def worker(delay):
    me = asyncio.current_task()
    print(f"start {me.get_name()}")
    await asyncio.sleep(delay)
    print(f"end {asyncio.current_task().get_name()}")
    return me.get_name()

async def helper():
    # 그냥 await된 코루틴은 부른 태스크 안에서 실행된다
    return asyncio.current_task().get_name()

async def main():
    print(f"helper runs in {await helper()}")
    a = asyncio.create_task(worker(0.2), name="fetcher")
    b = asyncio.create_task(worker(0.1), name="parser")
    results = await asyncio.gather(a, b)
    print(results)
    print("main is", asyncio.current_task().get_name())

asyncio.run(main())

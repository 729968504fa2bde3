# 시작 전에 취소된 태스크는 본문을 한 줄도 실행하지 않는다
import asyncio

async def job(name):
    print(f"{name} body runs")
    await asyncio.sleep(0.1)
    return name

async def main():
    a = asyncio.create_task(job("A"))
    b = asyncio.create_task(job("B"))
    print("cancel B before it starts:", b.cancel())
    results = await asyncio.gather(a, b, return_exceptions=True)
    print("A result:", results[0])
    print("B result is CancelledError:", isinstance(results[1], asyncio.CancelledError))
    print("states:", a.cancelled(), b.cancelled())

asyncio.run(main())

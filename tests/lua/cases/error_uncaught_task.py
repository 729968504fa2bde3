# 태스크의 에러를 await하고 잡지 않으면 main까지 올라와 프로그램이 실패한다 (top-level asyncio.run)
import asyncio

async def worker():
    await asyncio.sleep(1)
    raise RuntimeError("worker crashed")

async def main():
    t = asyncio.create_task(worker())
    print("waiting for worker")
    await t
    print("never printed")

asyncio.run(main())
print("never printed either")

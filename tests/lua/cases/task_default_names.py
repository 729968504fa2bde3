# 태스크 기본 이름: main이 Task-1, 이후 Task-2, Task-3 ...
import asyncio

async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    print("main:", asyncio.current_task().get_name())
    a = asyncio.create_task(who())
    b = asyncio.create_task(who())
    print(a.get_name(), b.get_name())
    print("a sees itself as", await a)
    b.set_name("Renamed")
    print("b sees itself as", await b)
    c = asyncio.create_task(who())
    print("next:", c.get_name())
    await c

asyncio.run(main())

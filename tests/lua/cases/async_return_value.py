# async 함수의 return 값은 await의 결과가 된다
import asyncio

async def greet(name):
    return f"Hello, {name}!"

async def add(a, b):
    await asyncio.sleep(0.5)
    return a + b

async def main():
    result = await greet("Alice")
    print(result)
    coro = greet("Bob")  # 아직 아무것도 실행되지 않음
    print("created")
    print(await coro)
    total = await add(2, 3)
    print("2 + 3 =", total)
    print(await add(0.5, 0.25))

asyncio.run(main())

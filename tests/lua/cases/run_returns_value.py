# top-level asyncio.run은 main의 결과를 돌려준다
import asyncio

async def compute(x):
    await asyncio.sleep(0.5)
    return x * x

async def main():
    print("main running")
    a = await compute(3)
    b = await compute(4)
    return a + b

print("before run")
r = asyncio.run(main())
print(r)
print("second run:", asyncio.run(compute(5)))

# print는 인자를 공백 하나로 잇고 Python처럼 값을 표시한다
import asyncio

async def main():
    print(None, True, False)
    print(3, 3.0, 0.5, 10 / 4, 7 // 2, 2 ** 10.0)  # Lua의 ^는 항상 float: Python의 2 ** 10.0
    print(0.1 + 0.2, 1 / 3, -1.5)
    print("문자열", "with 'quotes'")
    print(["a", "b", 3], [], [1.0, True])
    print(["Task 1의 결과", "nested", [1, 2]])
    print(ValueError("shown as its message"))
    print()
    print("after empty line")
    r = await asyncio.sleep(0.1, "sleep result")
    print(r, await asyncio.sleep(0))

asyncio.run(main())

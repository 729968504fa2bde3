# print with nil arguments (also trailing), numbers mixed with strings
import asyncio, math

async def main():
    print(1, None, None)
    print(None)
    print("a", None, "b")
    print(len("abc"), 10 // 3, 10 % 3, 2 ** 0.5, -2.0 ** 2, 1e3, math.inf, -math.inf)
    print("%d items at %.2f" % (3, 1.5), 0x10, 1 == 1.0, "float")

asyncio.run(main())

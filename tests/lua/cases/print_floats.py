# print of floats: Python repr (shortest round-trip, switches to exponent at 1e16)
import asyncio

async def main():
    print(100.0, 10.0, 1000000.0, 1e15, 123456.0, 2.5e10)
    print(1e16, 1e20, 1e-4, 1e-5, 0.1 * 3, 1.5e300 * 1e10)
    print([100.0, 1e15, -20.0])
    print(3 / 1, 10 / 2 * 10, 2 ** 20.0)

asyncio.run(main())

# try/except는 pcall: await 너머로 던져진 에러를 잡는다
import asyncio
import time

async def risky_operation():
    await asyncio.sleep(1)
    raise ValueError("This is a test error")

async def main():
    start = time.monotonic()
    try:
        await risky_operation()
        print("not reached")
    except ValueError as e:
        print("Caught an error: " + str(e))
    print(f"main continues at {time.monotonic() - start:.1f}")

asyncio.run(main())

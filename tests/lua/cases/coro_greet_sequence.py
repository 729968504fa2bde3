# 코루틴을 차례로 await: 하나가 끝나야 다음이 시작된다
import asyncio
import time

async def greet(name):
    print(f"Hello, {name}!")
    await asyncio.sleep(1)  # 비동기적으로 1초 대기
    print(f"Goodbye, {name}!")

async def main():
    start = time.monotonic()
    await greet("Alice")
    await greet("Bob")
    await greet("Charlie")
    print(f"elapsed {time.monotonic() - start:.1f}")

asyncio.run(main())

# Lesson 2's twin: awaiting one after another, then two at once with gather.
import asyncio


# 기본적인 예시 코드 / the basic example
async def greet(name):
    print(f"Hello, {name}!")
    await asyncio.sleep(1)  # 비동기적으로 1초 대기
    print(f"Goodbye, {name}!")


async def sequential_main():
    await greet("Alice")
    await greet("Bob")
    await greet("Charlie")


# 조금 복잡한 예시 코드 / a slightly bigger example
async def task1():
    print("Task 1 started")
    await asyncio.sleep(2)
    print("Task 1 finished")


async def task2():
    print("Task 2 started")
    await asyncio.sleep(1)
    print("Task 2 finished")


async def gather_main():
    await asyncio.gather(
        task1(),
        task2(),
    )


if __name__ == "__main__":
    asyncio.run(sequential_main())
    asyncio.run(gather_main())

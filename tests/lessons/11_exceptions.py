# Lesson 11's twin: catching an error across await; gather with return_exceptions.
import asyncio


# try/except 사용 / try/except
async def risky_operation():
    await asyncio.sleep(1)
    raise ValueError("This is a test error")


async def try_except_main():
    try:
        await risky_operation()
    except ValueError as e:
        print(f"Caught an error: {e}")


# asyncio.gather()에서의 예외 처리 / exceptions in gather
async def task1():
    await asyncio.sleep(1)
    raise ValueError("Error in task1")


async def task2():
    await asyncio.sleep(2)
    return "Task2 result"


async def gather_main():
    try:
        results = await asyncio.gather(task1(), task2(), return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                print(f"Task failed with error: {result}")
            else:
                print(f"Task succeeded with result: {result}")
    except Exception as e:
        print(f"An unexpected error occurred: {e}")


asyncio.run(try_except_main())
asyncio.run(gather_main())

# gather(..., return_exceptions=True): 에러도 결과 리스트에 들어간다
import asyncio

async def task1():
    await asyncio.sleep(1)
    raise ValueError("Error in task1")

async def task2():
    await asyncio.sleep(2)
    return "Task2 result"

async def main():
    try:
        results = await asyncio.gather(task1(), task2(), return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                print("Task failed with error: " + str(result))
            else:
                print("Task succeeded with result: " + result)
        print("first is ValueError:", isinstance(results[0], ValueError), type(results[0]).__name__)
    except Exception as e:
        print("An unexpected error occurred: " + str(e))

asyncio.run(main())

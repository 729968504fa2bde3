# Lesson 5's twin: a result that someone sets later; a task runs, a future only waits.
import asyncio


# 비동기 함수 set_future_value를 정의합니다.
# 이 함수는 future 객체를 받아 1초 후에 값을 설정합니다.
async def set_future_value(future):
    # 1초 동안 비동기적으로 대기합니다.
    await asyncio.sleep(1)
    # 대기 후, future 객체에 결과 값을 설정합니다.
    future.set_result("Future is done!")


async def future_main():
    # future 객체를 생성합니다. Future는 나중에 완료될 작업을 나타냅니다.
    future = asyncio.Future()
    # set_future_value 함수를 호출하여 future 객체의 값을 설정합니다.
    await set_future_value(future)
    # future 객체의 결과 값을 출력합니다. 이 시점에서 future는 완료되어 값을 가지고 있습니다.
    print(future.result())


# Task와 Future 비교 / a task and a future side by side
async def job():
    print("job: started")  # nobody awaited it: the loop started it
    await asyncio.sleep(1)
    print("job: finished")
    return "job result"


async def task_vs_future():
    task = asyncio.create_task(job())
    future = asyncio.Future()
    print("created a task and a future")
    await asyncio.sleep(0.5)
    print("at 0.5 s: task done?", task.done(), "| future done?", future.done())
    future.set_result("set by main")  # the only way a plain future gets a result
    print("future done?", future.done(), "| result:", future.result())
    print("task result: " + await task)


asyncio.run(future_main())
asyncio.run(task_vs_future())

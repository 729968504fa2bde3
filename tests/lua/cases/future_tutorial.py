# Future 예제: 다른 코루틴이 1초 후에 결과를 설정한다 (top-level asyncio.run)
# 이 함수는 future 객체를 받아 1초 후에 값을 설정합니다.
import asyncio
async def set_future_value(future):
    await asyncio.sleep(1)
    future.set_result("Future is done!")

async def main():
    # future 객체를 생성합니다. Future는 나중에 완료될 작업을 나타냅니다.
    future = asyncio.Future()
    print("done before:", future.done())
    await set_future_value(future)
    print("done after:", future.done())
    # future 객체의 결과 값을 출력합니다.
    print(future.result())

asyncio.run(main())

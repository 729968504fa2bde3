# 아직 결과가 없는 Future의 result()/exception()은 InvalidStateError
import asyncio

async def main():
    fut = asyncio.Future()
    try:
        fut.result()
    except Exception as e:
        print("ok:", False)
        print("InvalidStateError?", isinstance(e, asyncio.InvalidStateError))
        print("Exception?", isinstance(e, Exception))
        print("type:", type(e).__name__)
    try:
        fut.exception()
    except Exception as e:
        print("exception() ok:", False, type(e).__name__)
    fut.set_result(7)
    print("now:", fut.result(), fut.exception())

asyncio.run(main())

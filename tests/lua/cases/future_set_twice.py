# 이미 완료된 Future에 set_result/set_exception하면 InvalidStateError
import asyncio

async def main():
    f = asyncio.Future()
    f.set_result("first")
    try:
        f.set_result("second")
    except Exception as e:
        print("set_result again:", False, isinstance(e, asyncio.InvalidStateError), type(e).__name__)
    try:
        f.set_exception(ValueError("late"))
    except Exception as e:
        print("set_exception after result:", False, type(e).__name__)
    print("result is still:", f.result())

asyncio.run(main())

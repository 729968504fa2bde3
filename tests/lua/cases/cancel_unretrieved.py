# 아무도 결과를 보지 않은 태스크: 에러로 끝나면 "Task exception was never retrieved"가 보고되고, 취소로 끝나면 조용하다
import asyncio

async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("nobody looks at me")

async def sleeper():
    await asyncio.sleep(10)

async def main():
    bad = asyncio.create_task(failing(), name="failing")
    quiet = asyncio.create_task(sleeper(), name="sleeper")
    await asyncio.sleep(0.5)
    quiet.cancel()
    await asyncio.sleep(0)
    print("failing done?", bad.done(), "sleeper cancelled?", quiet.cancelled())
    print("main done")

asyncio.run(main())

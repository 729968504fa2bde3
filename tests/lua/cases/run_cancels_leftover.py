# main이 끝날 때 남아 있는 태스크는 asyncio.run이 취소한다 (top-level asyncio.run)
import asyncio
bg = None

async def background():
    try:
        while True:
            print("background tick")
            await asyncio.sleep(0.4)
    except asyncio.CancelledError as e:
        print("background: cancelled?", isinstance(e, asyncio.CancelledError))
        print("background: 정리 중")
        raise e  # CancelledError는 다시 던진다

async def main():
    global bg
    bg = asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main 끝, background done?", bg.done())

asyncio.run(main())
print("after run: cancelled?", bg.cancelled())

# Lesson 3's twin: get_event_loop / run_until_complete / close, then asyncio.run.
import asyncio


async def hello_world():
    print("Hello")
    await asyncio.sleep(1)
    print("World")


# 이벤트 루프 생성 및 실행 / make the event loop and run it
# (The tutorial's Python 3.10 warns here: "DeprecationWarning: There is no current event loop";
# so does 3.12, before 3.14 makes it an error. The 3.11.7 that made 03_event_loop.out stays
# silent. Loopscope warns as the tutorial shows: 03_event_loop.stderr holds the warning.)
loop = asyncio.get_event_loop()
loop.run_until_complete(hello_world())
loop.close()

# Python 3.7 이상에서는 다음과 같이 간단히 실행 가능 / since Python 3.7, simply:
asyncio.run(hello_world())

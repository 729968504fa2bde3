# Lesson 12's twin: a forgotten await, reported plainly and then with where it was made;
# a step that holds the loop too long.
import asyncio
import time


async def test():
    print("never scheduled")


async def main():
    test()  # await를 잊음 / the forgotten await
    print("main done")


# 일반 모드 / normal mode
asyncio.run(main())

# 디버그 모드 / debug mode
asyncio.run(main(), debug=True)


# 100밀리초보다 오래 걸리는 단계 / a step longer than 100 ms
async def slow_step():
    print("slow step: start")
    time.sleep(0.15)  # 루프 전체를 막음 / blocks the whole loop
    print("slow step: end")


asyncio.run(slow_step(), debug=True)

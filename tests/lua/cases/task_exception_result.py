# 실패한 태스크: exception()은 에러를, result()는 그 에러를 다시 던진다
import asyncio

async def good(): await asyncio.sleep(0.2); return "fine"
async def bad(): await asyncio.sleep(0.1); raise TypeError("wrong type")

async def main():
    g = asyncio.create_task(good())
    b = asyncio.create_task(bad())
    try: b.result()
    except Exception as e: print("pending result():", False, type(e).__name__)
    await asyncio.sleep(0.5)
    print("good:", g.done(), g.result(), g.exception())
    print("bad:", b.done(), b.cancelled(), b.exception())
    print("bad exception type:", type(b.exception()).__name__)
    try: b.result()
    except Exception as e: print("bad result():", False, type(e).__name__, str(e))

asyncio.run(main())

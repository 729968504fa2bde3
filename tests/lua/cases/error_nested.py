# 에러는 await 사슬을 따라 올라가고, 중간에서 잡아 다시 던질 수 있다
import asyncio

async def inner():
    await asyncio.sleep(0.5)
    raise RuntimeError("inner failed")

async def middle():
    try: await inner()
    except Exception as e:
        print("middle saw:", type(e).__name__, str(e))
        raise e  # 다시 던지기 (raise)

async def outer():
    await middle()
    print("not reached")

async def main():
    t = asyncio.create_task(outer())
    try: await t
    except Exception as e:
        print("main saw:", False, type(e).__name__, str(e))
    print("task state:", t.done(), t.cancelled(), isinstance(t.exception(), RuntimeError))
    try: t.result()
    except Exception as e2:
        print("result() re-raises:", False, str(e2))

asyncio.run(main())

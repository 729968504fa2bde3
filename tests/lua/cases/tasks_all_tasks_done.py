# all_tasks는 아직 끝나지 않은 태스크만 돌려준다 (생성 순서, 비교는 정렬로)
import asyncio

async def nap(d):
    await asyncio.sleep(d)

def names():
    out = [t.get_name() for t in asyncio.all_tasks()]
    out.sort()
    return out

async def main():
    t1 = asyncio.create_task(nap(1), name="Nap-1")
    t2 = asyncio.create_task(nap(2), name="Nap-2")
    print("at 0:", names())
    await asyncio.sleep(1.5)
    print("at 1.5:", names(), len(asyncio.all_tasks()))
    await t2
    print("at 2:", names())

asyncio.run(main())

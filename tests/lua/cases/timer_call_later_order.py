# call_later: 만료 시각 순서, 같은 시각이면 예약 순서
import asyncio

async def main():
    loop = asyncio.get_event_loop()
    start = loop.time()
    def report(tag):
        print(f"{tag} at {loop.time() - start:.1f}")
    loop.call_later(0.3, report, "c (0.3)")
    loop.call_later(0.1, report, "a (0.1)")
    loop.call_later(0.2, report, "b (0.2)")
    loop.call_later(0.1, report, "a2 (0.1, scheduled later)")
    loop.call_soon(report, "soon")
    print("scheduled")
    await asyncio.sleep(0.5)
    report("main")

asyncio.run(main())

# debug mode: a step that holds the loop for 0.15 s is logged (stderr), the run goes on
import asyncio
import time


async def slow():
    time.sleep(0.15)
    print("slow step done")


async def main():
    await slow()
    print("main done")

asyncio.run(main(), debug=True)

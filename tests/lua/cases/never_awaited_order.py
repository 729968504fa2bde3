import asyncio

async def first(): pass
async def second(): pass
async def third(): pass

async def main():
    first()
    second()
    third()
    print("main done")

asyncio.run(main())

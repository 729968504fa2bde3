import asyncio, logging

async def main():
    logging.info("not shown: default level is WARNING")
    logging.warning("first warning")
    logging.basicConfig(level="DEBUG")
    logging.debug("debug after a late basicConfig")
    logging.error("an error")
    print("done")

asyncio.run(main())

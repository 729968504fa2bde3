import asyncio, logging

async def main():
    logging.basicConfig(level="DEBUG", format="%(levelname)s - %(name)s - %(message)s")
    logging.debug("fetching %s", "a.txt")
    logging.info("got %d bytes in %.1f s", 120, 0.5)
    logging.warning("plain")

asyncio.run(main())

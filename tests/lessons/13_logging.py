# Lesson 13's twin: log lines from three tasks, interleaved by the loop. Everything goes to
# stderr, so 13_logging.out is empty and 13_logging.stderr holds the log lines.
import asyncio
import logging

logging.basicConfig(level=logging.DEBUG)


async def task(name):
    logging.debug(f"Task {name} starting")
    await asyncio.sleep(1)
    logging.debug(f"Task {name} completed")


async def main():
    await asyncio.gather(task("A"), task("B"), task("C"))


asyncio.run(main())

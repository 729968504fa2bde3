# Lesson 17's twin: a Lock keeps an update whole; a Semaphore lets two downloads run at once.
import asyncio

counter = 0


# asyncio.Lock
async def unsafe_increment(name):
    global counter
    value = counter  # 읽고 / read
    print(f"{name}: read {value}")
    await asyncio.sleep(0.1)  # 기다리는 동안 다른 태스크가 끼어듦 / others run meanwhile
    counter = value + 1  # 쓰기: 그사이의 변경을 덮어씀 / write: overwrites what they did
    print(f"{name}: wrote {counter}")


async def safe_increment(name, lock):
    global counter
    async with lock:  # 한 번에 한 태스크만 / one task at a time
        value = counter
        print(f"{name}: read {value}")
        await asyncio.sleep(0.1)
        counter = value + 1
        print(f"{name}: wrote {counter}")


async def lock_main():
    global counter
    counter = 0
    await asyncio.gather(unsafe_increment("A"), unsafe_increment("B"), unsafe_increment("C"))
    print("without a lock:", counter)
    counter = 0
    lock = asyncio.Lock()
    await asyncio.gather(safe_increment("A", lock), safe_increment("B", lock),
                         safe_increment("C", lock))
    print("with a lock:", counter)


# asyncio.Semaphore
async def download(sem, name, seconds):
    async with sem:  # 빈자리가 날 때까지 기다림 / waits for a free slot
        print(f"{name}: downloading ({seconds} s)")
        await asyncio.sleep(seconds)
        print(f"{name}: done")
    return name


async def semaphore_main():
    sem = asyncio.Semaphore(2)  # 동시에 두 개까지 / at most two at once
    files = [("file1", 2), ("file2", 1), ("file3", 3), ("file4", 1), ("file5", 2)]
    results = await asyncio.gather(*[download(sem, name, s) for name, s in files])
    print("downloaded:", results)


asyncio.run(lock_main())
asyncio.run(semaphore_main())

-- Lesson 17: Lock and Semaphore -- keeping an update whole; two downloads at a time.
lesson {
  id = "lock-semaphore",
  title = { ko = "Lock과 Semaphore", en = "Lock and Semaphore" },
  text = {
    ko = [[
태스크들은 한 스레드에서 돌지만, await에서 멈출 때마다 다른 태스크가 끼어들 수 있습니다.
  • asyncio.Lock(): 한 번에 한 태스크만 들어갈 수 있는 구역을 만듭니다.
  • asyncio.Semaphore(n): 동시에 n개까지만 들어갈 수 있는 구역을 만듭니다.
Python의 async with lock: 은 Lua에서 await(lock:acquire()) … lock:release()로 씁니다.
(본문에서 예외가 날 수 있다면 pcall로 감싸고 release한 뒤 다시 일으킵니다.)

위 타임라인(lock_main), 첫 부분: 세 태스크가 counter를 읽고(0), sleep(0.1) 동안 멈췄다가,
읽어 둔 값 + 1을 씁니다. 셋 모두 0을 읽은 뒤에 쓰기 때문에 세 번 더했는데도 1입니다
(갱신 손실). 둘째 부분: Lock으로 "읽기 → 기다림 → 쓰기"를 한 덩어리로 묶으면, B와 C는
lock:acquire()에서 기다립니다(타임라인에서 Lock을 기다리는 구간). 한 번에 하나씩
0.1초씩 걸려 0.3초가 더 들지만 결과는 3입니다.
아래 타임라인(semaphore_main): 다섯 다운로드가 한꺼번에 시작하려 하지만 Semaphore(2)라서
두 개만 들어가고 나머지는 acquire에서 줄을 섭니다. 하나가 끝나 release할 때마다 줄의
맨 앞이 들어갑니다: 1초에 file3, 2초에 file4, 3초에 file5. 동시에 도는 다운로드가
언제나 둘 이하인 것을 보세요. 전체 5초(제한이 없으면 3초, 하나씩이면 9초).]],
    en = [[
Tasks run on one thread, but whenever one stops at an await another can step in.
  • asyncio.Lock(): a section only one task can be in at a time.
  • asyncio.Semaphore(n): a section at most n tasks can be in at once.
Python's async with lock: is written in Lua as await(lock:acquire()) … lock:release().
(If the body can raise, wrap it in pcall, release, then raise again.)

Upper timeline (lock_main), first part: three tasks read counter (0), stop in sleep(0.1),
then write what they read + 1. All three read 0 before anyone writes, so after three
increments the counter is 1 (a lost update). Second part: with a Lock around
"read → wait → write", B and C wait in lock:acquire() (the spans waiting on the Lock).
One at a time, 0.1 s each, it takes 0.3 s more, but the result is 3.
Lower timeline (semaphore_main): five downloads try to start at once, but with
Semaphore(2) only two get in and the rest queue up in acquire. Each time one finishes and
releases, the head of the queue goes in: file3 at 1 s, file4 at 2 s, file5 at 3 s. See
that no more than two downloads ever run at once. 5 s in all (3 s with no limit, 9 s one
at a time).]],
  },
  compare = { "lock_main", "semaphore_main" },
  expect = {
    output = {
      "A: read 0", "B: read 0", "C: read 0",
      "A: wrote 1", "B: wrote 1", "C: wrote 1",
      "without a lock: 1",
      "A: read 0", "A: wrote 1", "B: read 1", "B: wrote 2", "C: read 2", "C: wrote 3",
      "with a lock: 3",
      "file1: downloading (2 s)",
      "file2: downloading (1 s)",
      "file2: done",
      "file3: downloading (3 s)",
      "file1: done",
      "file4: downloading (1 s)",
      "file4: done",
      "file5: downloading (2 s)",
      "file3: done",
      "file5: done",
      "downloaded: ['file1', 'file2', 'file3', 'file4', 'file5']",
    },
    total = 5.0,
  },
  predict = { {
    ask = { ko = "Lock이 없을 때 counter는 얼마가 될까요?",
            en = "Without the lock, what does counter end up as?" },
    choices = { "3", "1", "0" },
    answer = 2, at = 0.1,
    why = { ko = "셋 다 0을 읽고 나서 sleep 동안 멈췄다가 0 + 1을 씁니다.",
            en = "All three read 0, pause in sleep, and then each writes 0 + 1." },
  }, {
    ask = { ko = "file3은 언제 다운로드를 시작할까요?", en = "When does file3 start downloading?" },
    choices = { "0초 / 0 s", "1초 / 1 s", "2초 / 2 s" },
    answer = 2, at = 1.0,
    why = { ko = "자리는 둘뿐입니다. file2(1초)가 끝나 release하는 1초에 자리가 납니다.",
            en = "There are only two slots; one frees up at 1 s, when file2 (1 s) releases." },
  } },
}

local counter = 0

-- asyncio.Lock
local unsafe_increment = async(function(name)
  local value = counter -- 읽고 / read
  print(name .. ": read " .. value)
  await(asyncio.sleep(0.1)) -- 기다리는 동안 다른 태스크가 끼어듦 / others run meanwhile
  counter = value + 1 -- 쓰기: 그사이의 변경을 덮어씀 / write: overwrites what they did
  print(name .. ": wrote " .. counter)
end)

local safe_increment = async(function(name, lock)
  await(lock:acquire()) -- async with lock: 한 번에 한 태스크만 / one task at a time
  local value = counter
  print(name .. ": read " .. value)
  await(asyncio.sleep(0.1))
  counter = value + 1
  print(name .. ": wrote " .. counter)
  lock:release()
end)

lock_main = async(function()
  counter = 0
  await(asyncio.gather(unsafe_increment("A"), unsafe_increment("B"), unsafe_increment("C")))
  print("without a lock:", counter)
  counter = 0
  local lock = asyncio.Lock()
  await(asyncio.gather(safe_increment("A", lock), safe_increment("B", lock),
                       safe_increment("C", lock)))
  print("with a lock:", counter)
end)

-- asyncio.Semaphore
local download = async(function(sem, name, seconds)
  await(sem:acquire()) -- async with sem: 빈자리가 날 때까지 기다림 / waits for a free slot
  print(name .. ": downloading (" .. seconds .. " s)")
  await(asyncio.sleep(seconds))
  print(name .. ": done")
  sem:release()
  return name
end)

semaphore_main = async(function()
  local sem = asyncio.Semaphore(2) -- 동시에 두 개까지 / at most two at once
  local files = { { "file1", 2 }, { "file2", 1 }, { "file3", 3 }, { "file4", 1 }, { "file5", 2 } }
  local downloads = {}
  for i, f in ipairs(files) do downloads[i] = download(sem, f[1], f[2]) end
  local results = await(asyncio.gather(table.unpack(downloads)))
  print("downloaded:", results)
end)

-- 파일 I/O는 워커 스레드에서 일어나고, 그동안 루프는 다른 태스크를 돌린다
local done

local writer = async(function()
  print("writer: opening log.txt")
  local f = await(aiofiles.open("log.txt", "w"))
  print("writer: writing")
  local n = await(f:write("hello, loop"))
  await(f:close())
  print("writer: wrote " .. n .. " characters")
  done:set_result(n)
end)

local other = async(function()
  print("other: running while the file opens")
  local n = await(done)
  print("other: the writer is done (" .. n .. " characters)")
end)

main = async(function()
  done = asyncio.Future()
  await(asyncio.gather(writer(), other()))
  local f = await(aiofiles.open("log.txt"))
  print(await(f:read()))
  await(f:close())
end)

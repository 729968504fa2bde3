-- 파일을 읽는 태스크를 취소하면 await 지점에서 CancelledError가 난다; 파일은 그대로 쓸 수 있다
local read_all = async(function(name)
  local f = await(aiofiles.open(name))
  local s = await(f:read())
  await(f:close())
  return s
end)

main = async(function()
  local f = await(aiofiles.open("data.txt", "w"))
  await(f:write("some data"))
  await(f:close())
  local reader = asyncio.create_task(read_all("data.txt"))
  await(asyncio.sleep(0))
  reader:cancel()
  local ok, e = pcall(await, reader)
  print(ok, e.type, reader:cancelled())
  print(await(read_all("data.txt")))
end)

-- aiofiles: append, w+; read(n) in chunks; read at the end gives ''; the name,
-- mode and closed attributes
local function slurp(name)
  local f = await(aiofiles.open(name))
  local s = await(f:read())
  await(f:close())
  return s
end

main = async(function()
  local f = await(aiofiles.open("log.txt", "w"))
  print("write:", await(f:write("line 1\n")), f.name, f.mode, f.closed)
  await(f:close())
  print("closed:", f.closed)
  f = await(aiofiles.open("log.txt", "a"))
  await(f:write("line 2\n"))
  await(f:close())
  print(repr(slurp("log.txt")))

  f = await(aiofiles.open("log.txt", "r"))
  local chunks = {}
  while true do
    local c = await(f:read(5))
    if c == "" then break end
    chunks[#chunks + 1] = c
  end
  print("chunks:", chunks, repr(await(f:read())), repr(await(f:read(3))))
  await(f:close())

  f = await(aiofiles.open("new.txt", "w+"))
  await(f:write("abc"))
  print("w+ read after write:", repr(await(f:read())))
  await(f:close())
  f = await(aiofiles.open("new.txt", "a"))
  await(f:write("def"))
  await(f:close())
  print(repr(slurp("new.txt")))
  f = await(aiofiles.open("new.txt", "w"))
  await(f:close())
  print("truncated:", repr(slurp("new.txt")))
end)

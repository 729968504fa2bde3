-- nested gathers: inner results are lists inside the outer list; start order follows arguments
local w = async(function(name, d)
  print("start", name)
  await(asyncio.sleep(d))
  print("end", name)
  return name
end)

main = async(function()
  local res = await(asyncio.gather(
    asyncio.gather(w("a", 0.3), w("b", 0.1)),
    w("c", 0.2),
    asyncio.gather(),
    asyncio.gather(w("d", 0.05), asyncio.gather(w("e", 0.15)))))
  print(res)
  print(#res, #res[3], res[4][2][1])
end)

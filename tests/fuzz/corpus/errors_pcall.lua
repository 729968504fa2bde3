local boom = async(function(n)
  await(asyncio.sleep(n))
  if n > 1 then error({code = n}) end
  error('boom ' .. n)
end)
main = async(function()
  local rs = await(asyncio.gather(boom(1), boom(2), {return_exceptions = true}))
  for i, r in ipairs(rs) do print(i, r) end
  print(pcall(error, setmetatable({}, {__tostring = function() return 'x' end})))
end)

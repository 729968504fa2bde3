lesson { id = 'fz', compare = { 'sync_main', 'async_main' } }
function sync_main()
  for i = 1, 3 do time.sleep(i) print(i) end
end
async_main = async(function()
  local ts = {}
  for i = 1, 3 do ts[i] = asyncio.create_task(asyncio.sleep(i, i)) end
  for _, t in ipairs(ts) do print(await(t)) end
  await(asyncio.wait_for(asyncio.sleep(5), 1))
end)

-- gather(return_exceptions=true) with results, errors and a cancelled child task
local ok_after = async(function(v, d) await(asyncio.sleep(d)); return v end)
local fail_after = async(function(d) await(asyncio.sleep(d)); error(ValueError("bad " .. d)) end)

main = async(function()
  local victim = asyncio.create_task(ok_after("never", 5))
  local loop = asyncio.get_event_loop()
  loop:call_later(0.5, function() print("cancel victim:", victim:cancel()) end)
  local res = await(asyncio.gather(ok_after(1, 1), fail_after(0.2), victim, ok_after(nil, 0.1),
                                   {return_exceptions = true}))
  print("n =", res.n)
  print(res)
  for i = 1, 4 do
    local r = res[i]
    print(i, r, isinstance(r, Exception), isinstance(r, CancelledError))
  end
  print("victim cancelled?", victim:cancelled())
end)

-- run_until_complete and close with a task still pending, and a future whose exception
-- nobody retrieved: what is reported at the end (stderr)
local forever = async(function()
  while true do await(asyncio.sleep(1)) end
end)

local loop = asyncio.get_event_loop()
local t = loop:create_task(forever())
local f = loop:create_future()
f:set_exception(ValueError("lost"))
print(loop:run_until_complete(asyncio.sleep(0.5, "slept")))
print("pending?", not t:done())
loop:close()
print("closed")

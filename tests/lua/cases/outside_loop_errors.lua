-- asyncio functions that need a running loop, called outside one
local function try(label, fn)
  local ok, e = pcall(fn)
  if ok then print(label, "ok") else print(label, e.type, tostring(e)) end
end

local co = async(function() return "x" end)

try("current_task", function() return asyncio.current_task() end)
try("all_tasks", function() return asyncio.all_tasks() end)
local c = co()
try("create_task", function() return asyncio.create_task(c) end)
print("run:", asyncio.run(c))

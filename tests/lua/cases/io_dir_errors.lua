-- aiofiles: opening a folder, bad modes, writing a number; os.makedirs and os.path.join
local function show(label, fn)
  local ok, e = pcall(fn)
  if ok then print(label, "ok", e) else print(label, e.type .. ": " .. tostring(e)) end
end

main = async(function()
  os.makedirs("data/sub")
  show("makedirs again", function() os.makedirs("data/sub") end)
  show("exist_ok", function() os.makedirs("data/sub", {exist_ok = true}) end)
  local p = os.path.join("data", "sub", "x.txt")
  print(p)
  show("open folder r", function() return await(aiofiles.open("data")) end)
  show("open folder w", function() return await(aiofiles.open("data", "w")) end)
  show("mode rw", function() return await(aiofiles.open(p, "rw")) end)
  show("mode rbt", function() return await(aiofiles.open(p, "rbt")) end)
  show("mode r++", function() return await(aiofiles.open(p, "r++")) end)
  show("mode empty", function() return await(aiofiles.open(p, "")) end)
  local f = await(aiofiles.open(p, "w"))
  show("write number", function() return await(f:write(42)) end)
  await(f:close())
  show("missing in folder", function() return await(aiofiles.open("data/none/y.txt")) end)
end)

main = async(function()
  local t = setmetatable({}, {__tostring = function() error("boom") end})
  print("x", t)
end)

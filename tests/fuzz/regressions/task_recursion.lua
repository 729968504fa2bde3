local function f(n) return 1 + f(n + 1) end
main = async(function()
  f(1)
end)

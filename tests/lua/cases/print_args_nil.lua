-- print with nil arguments (also trailing), numbers mixed with strings
main = async(function()
  print(1, nil, nil)
  print(nil)
  print("a", nil, "b")
  print(#"abc", 10 // 3, 10 % 3, 2 ^ 0.5, -2 ^ 2, 1e3, 5 // 0.0, -5 // 0.0)
  print(string.format("%d items at %.2f", 3, 1.5), 0x10, 1 == 1.0, math.type(1.0))
end)

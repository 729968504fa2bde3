-- strings inside lists use Python's repr quoting; top-level strings print raw
main = async(function()
  print({"it's", 'say "hi"', "a\nb", "tab\t", "back\\slash", "both ' \""})
  print(repr("it's"), repr("x"), str(1.0), repr(nil), repr(true), repr({1, 2}))
  print("", "x", "")
  print({{}, {{}}, {"", true, false}})
  print(-0.0, 0.0, -7 // 2, -7 % 3, 7.5 // 2, math.maxinteger)
end)

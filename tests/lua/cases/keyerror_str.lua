-- str() of a KeyError is its key's repr, and so is the last line of its traceback
main = async(function()
  local ok, e = pcall(function() error(KeyError("k")) end)
  print(tostring(e), str(e), repr(e), isinstance(e, LookupError))
  local ok2, e2 = pcall(function() error(KeyError(3)) end)
  print(tostring(e2), repr(e2))
  error(KeyError("missing"))
end)

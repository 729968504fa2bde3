-- exceptions inside a list print as their repr; no-argument errors have an empty repr
main = async(function()
  print({ValueError("x"), CancelledError(), RuntimeError(), Exception("")})
  print(repr(ValueError()), repr(TypeError("it's")), repr(CancelledError("m")))
  print(tostring(CancelledError()) == "", ValueError())
end)

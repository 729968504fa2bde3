-- a Future whose exception is set and never retrieved is reported when it is dropped
-- (stderr: 'Future exception was never retrieved'); one that was looked at is not
main = async(function()
  local f = asyncio.Future()
  f:set_exception(ValueError("lost"))
  local g = asyncio.Future()
  g:set_exception(ValueError("seen"))
  print("seen:", g:exception())
  print("main done")
end)

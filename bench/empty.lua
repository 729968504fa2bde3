-- bench/empty.lua: the baseline, a lesson that does nothing. Its peak RSS and time are
-- subtracted from spawn's to get the memory per live task.
main = async(function()
  print("empty done")
end)

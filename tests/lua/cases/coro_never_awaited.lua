-- 잊힌 await: 코루틴 객체만 만들고 실행하지 않는다
local test = async(function()
  print("never scheduled")
end)

main = async(function()
  test()
  print("main done")
end)

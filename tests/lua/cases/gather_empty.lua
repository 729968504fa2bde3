-- 인자 없는 gather는 빈 리스트를 돌려준다
main = async(function()
  local results = await(asyncio.gather())
  print("results:", results)
  print("count:", #results)
end)

-- all_tasks는 아직 끝나지 않은 태스크만 돌려준다 (생성 순서, 비교는 정렬로)
local nap = async(function(d)
  await(asyncio.sleep(d))
end)

local function names()
  local out = {}
  for _, t in ipairs(asyncio.all_tasks()) do out[#out + 1] = t:get_name() end
  table.sort(out)
  return out
end

main = async(function()
  local t1 = asyncio.create_task(nap(1), {name = "Nap-1"})
  local t2 = asyncio.create_task(nap(2), {name = "Nap-2"})
  print("at 0:", names())
  await(asyncio.sleep(1.5))
  print("at 1.5:", names(), #asyncio.all_tasks())
  await(t2)
  print("at 2:", names())
end)

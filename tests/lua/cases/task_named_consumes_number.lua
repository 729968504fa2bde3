-- create_task(coro, {name=...})도 번호 하나를 쓴다 (CPython 3.11): 다음 기본 이름은 Task-3
local idle = async(function()
  await(asyncio.sleep(0.1))
end)

main = async(function()
  local monitor = asyncio.create_task(idle(), {name = "Monitor"})
  local next_task = asyncio.create_task(idle())
  local last = asyncio.create_task(idle())
  print(asyncio.current_task():get_name(), monitor:get_name(), next_task:get_name(), last:get_name())
  await(asyncio.gather(monitor, next_task, last))
end)

-- Lesson 14: asyncio.current_task() and asyncio.all_tasks() -- a monitor task watching the
-- others finish.
lesson {
  id = "current-task",
  title = { ko = "asyncio.current_task()와 asyncio.all_tasks()",
            en = "asyncio.current_task() and asyncio.all_tasks()" },
  text = {
    ko = [[
현재 실행 중인 Task를 가져오거나, 아직 끝나지 않은 모든 Task를 가져올 수 있습니다.
  • asyncio.current_task(): 현재 실행 중인 Task를 가져옴
  • asyncio.all_tasks(): 끝나지 않은 모든 Task를 가져옴

태스크 이름을 보세요: main을 감싼 태스크가 Task-1이고, create_task(..., {name="Monitor"})가
두 번째 번호를 쓰면서 이름은 Monitor가 됩니다. gather가 만든 세 태스크는 Task-3, 4, 5입니다.
준비 큐 순서: main이 gather에서 멈추면 먼저 만들어진 Monitor가 먼저 실행되어 태스크
다섯 개를 출력하고, 그다음 Task A, B, C가 시작합니다.
0.5초에 Monitor만 깨어나 다시 다섯 개를 봅니다. 1초에는 타이머가 예약된 순서대로
울립니다: A, B, C의 sleep이 Monitor의 두 번째 sleep보다 먼저 예약되었으므로 세 태스크가
먼저 끝나고, 그 뒤에 깨어난 Monitor에게는 Task-1과 Monitor만 남아 있습니다.
main은 gather 뒤에 0.1초를 더 기다립니다. 실제 시계의 Python에서는 Monitor의 마감이
아주 조금 늦어 main이 먼저 깨어날 수도 있는데, 그래도 Monitor가 마지막 모습을 보게
하려는 것입니다. 1.1초에 main이 끝나면 asyncio.run이 남은 Monitor를 취소합니다:
타임라인 끝의 취소 표시를 보세요.
all_tasks()는 Python에서 집합(set)이라 순서가 정해져 있지 않습니다. 그래서 이름을
정렬해서 출력합니다. (튜토리얼의 출력에서 B, C, A 순서로 끝난 것은 Windows 시계의
해상도가 낮아 세 마감 시각이 똑같았기 때문입니다. 정밀한 시계에서는 A, B, C입니다.)]],
    en = [[
You can get the Task that is running now, or every Task that has not finished yet.
  • asyncio.current_task(): the Task running now
  • asyncio.all_tasks(): every Task not yet done

Watch the task names: the task wrapping main is Task-1; create_task(..., {name="Monitor"})
uses up the second number while naming its task Monitor; the three tasks gather makes
are Task-3, 4 and 5.
Ready-queue order: when main stops in gather, Monitor, made first, runs first and prints
five tasks; then Task A, B and C start.
At 0.5 s only Monitor wakes, and sees five again. At 1 s the timers fire in the order they
were set: the sleeps of A, B and C were set before Monitor's second sleep, so the three
tasks finish first, and when Monitor wakes only Task-1 and Monitor are left.
main waits 0.1 s more after gather: on a real clock Python may set Monitor's deadline a
hair later and wake main first, and this way Monitor still takes its last look. When main
ends at 1.1 s, asyncio.run cancels the Monitor that is still running: see the
cancellation at the end of the timeline.
In Python all_tasks() is a set, with no order, so the names are sorted before printing.
(In the tutorial's output they finished B, C, A: the Windows clock is coarse, the three
deadlines were exactly equal, and the heap's order is not stable. On a fine clock: A, B, C.)]],
  },
  expect = {
    output = {
      "Current task: Monitor",
      "All tasks: ['Monitor', 'Task-1', 'Task-3', 'Task-4', 'Task-5']",
      "Task A starting", "Task B starting", "Task C starting",
      "Current task: Monitor",
      "All tasks: ['Monitor', 'Task-1', 'Task-3', 'Task-4', 'Task-5']",
      "Task A completed", "Task B completed", "Task C completed",
      "Current task: Monitor",
      "All tasks: ['Monitor', 'Task-1']",
    },
    total = 1.1,
  },
  predict = { {
    ask = { ko = "맨 첫 줄은 무엇일까요?", en = "What is the very first line?" },
    choices = { "Task A starting", "Current task: Monitor", "Current task: Task-1" },
    answer = 2, at = 0.0,
    why = { ko = "Monitor 태스크가 gather의 세 태스크보다 먼저 준비 큐에 들어갔습니다.",
            en = "The Monitor task went on the ready queue before gather's three tasks." },
  }, {
    ask = { ko = "1초에 Monitor가 볼 때 남은 태스크는?", en = "At 1 s, which tasks does Monitor see?" },
    choices = { "Monitor, Task-1, Task-3, Task-4, Task-5", "Monitor, Task-1", "Monitor" },
    answer = 2, at = 1.0,
    why = { ko = "A, B, C의 타이머가 먼저 예약되어 먼저 끝났고, main(Task-1)은 아직 끝나지 않았습니다.",
            en = "A, B and C's timers were set first and ended first; main (Task-1) is still running." },
  } },
}

local task = async(function(name)
  print("Task " .. name .. " starting")
  await(asyncio.sleep(1))
  print("Task " .. name .. " completed")
end)

local monitor = async(function()
  while true do
    local current_task = asyncio.current_task()
    local all_tasks = asyncio.all_tasks()
    local names = {}
    for _, t in ipairs(all_tasks) do names[#names + 1] = t:get_name() end
    table.sort(names) -- all_tasks()는 집합: 순서를 정해서 출력 / a set: sorted to print
    print("Current task: " .. current_task:get_name())
    print("All tasks:", names)
    await(asyncio.sleep(0.5))
  end
end)

main = async(function()
  local monitor_task = asyncio.create_task(monitor(), { name = "Monitor" })
  await(asyncio.gather(
    task("A"),
    task("B"),
    task("C")
  ))
  -- 1초의 두 마감(태스크들, Monitor)이 어느 쪽이 먼저든 Monitor가 마지막으로 한 번 더 보도록
  -- so that Monitor takes its last look whichever of the two 1 s deadlines fires first
  await(asyncio.sleep(0.1))
end)

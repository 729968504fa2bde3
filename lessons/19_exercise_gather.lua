-- Lesson 19 (exercise): three jobs awaited one after another; make them run at once.
lesson {
  id = "exercise-gather",
  title = { ko = "연습: 세 작업을 동시에", en = "Exercise: three jobs at once" },
  exercise = true,
  goal = { ko = "작업 시간은 그대로 두고 3.1초 안에 끝나게 만드세요.",
           en = "Make this finish in under 3.1 s without changing the job durations." },
  text = {
    ko = [[
연습 문제: 이 파일을 직접 고쳐 보세요. 지금은 세 작업(1초, 2초, 3초)을 하나씩 await하므로
총 6초가 걸립니다.

에디터에서 이 파일을 열고 main을 고친 뒤 저장하세요. 창이 파일을 다시 읽어 실행하고, 위의
줄이 아직 무엇이 틀렸는지, 또는 통과했는지 알려 줍니다.

타임라인을 보세요: 지금은 Job 2가 Job 1이 끝난 뒤에야 시작합니다. 세 작업이 모두 0초에
시작하면 가장 긴 작업(3초)만큼만 걸립니다. 힌트: 레슨 7의 asyncio.gather.
작업 시간(1, 2, 3)은 바꾸지 마세요. 출력 줄도 지금과 같아야 합니다: 끝나는 순서가 같으니까요.]],
    en = [[
An exercise: change this file yourself. Right now it awaits three jobs (1 s, 2 s, 3 s) one
after another, so it takes 6 seconds in all.

Open this file in your editor, change main and save. The window reads the file again, runs it,
and the line above tells you what is still wrong, or that you passed.

Watch the timeline: Job 2 only starts once Job 1 has finished. If all three start at 0 s, the
whole run takes only as long as the longest job (3 s). Hint: asyncio.gather from lesson 7.
Do not change the durations (1, 2, 3). The printed lines stay the same too: the jobs still
finish in the same order.]],
  },
  expect = {
    output = {
      "Job 1 완료 (1초)", "Job 2 완료 (2초)", "Job 3 완료 (3초)",
      "총 실행 시간: 3.00초",
    },
    total = 3.0,
  },
}

local job = async(function(name, seconds)
  await(asyncio.sleep(seconds)) -- 작업 시뮬레이션 / the job's work
  print(string.format("%s 완료 (%d초)", name, seconds))
end)

-- 이 함수를 고치세요 / change this function
main = async(function()
  local start = time.time()
  await(job("Job 1", 1))
  await(job("Job 2", 2))
  await(job("Job 3", 3))
  print(string.format("총 실행 시간: %.2f초", time.time() - start))
end)

-- Lesson 9: asynchronous file I/O with aiofiles -- write, uppercase, read back.
lesson {
  id = "aiofiles",
  title = { ko = "비동기 파일 I/O: aiofiles", en = "Asynchronous file I/O: aiofiles" },
  text = {
    ko = [[
aiofiles는 파일 I/O를 비동기적으로 할 수 있게 해 주는 라이브러리입니다. 파일 읽기/쓰기를
비동기적으로 처리하므로, I/O 바운드 작업 중에도 다른 작업을 수행할 수 있습니다.
(Python에서는 pip install aiofiles로 설치합니다. Loopscope에는 들어 있습니다.)
  • aiofiles.open(): 파일을 비동기적으로 열기
  • await f:read(): 파일 내용을 읽기
  • await f:write(s): 파일에 쓰기
  • await f:close(): 파일 닫기 (Python에서는 async with 블록이 끝날 때 자동으로 닫힘)

main은 input.txt를 쓰고, process_file로 읽어서 대문자로 바꾼 뒤 output.txt에 쓰고,
output.txt를 다시 읽어 출력합니다. 결과 문자열에 줄바꿈이 있으므로 출력은 두 줄입니다.
타임라인을 보세요: open, read, write, close마다 태스크가 await에서 멈추고 I/O를 기다립니다.
그 순간 루프는 자유로워서, 다른 태스크가 있었다면 그것을 실행했을 것입니다.
이 예제에는 태스크가 main 하나뿐이라 단계들이 한 줄로 이어집니다. process_file 안에서
read_file과 write_file이 차례로 await되는 모습(코루틴이 코루틴을 기다리는 사슬)도 보세요.
파일은 레슨의 샌드박스 폴더 안에만 만들어집니다.]],
    en = [[
aiofiles is a library for doing file I/O asynchronously. Reads and writes become
awaitable, so other work can run while a task waits on the disk.
(In Python: pip install aiofiles. Loopscope has it built in.)
  • aiofiles.open(): open a file asynchronously
  • await f:read(): read the file's contents
  • await f:write(s): write to the file
  • await f:close(): close the file (in Python, the async with block closes it)

main writes input.txt, then process_file reads it, uppercases it and writes output.txt,
and main reads output.txt back and prints it. The text has a line break in it, so the
output is two lines.
Watch the timeline: at every open, read, write and close the task stops at an await and
waits for the I/O. The loop is free at those moments and would run any other task.
This example has only one task, main, so the steps form a single line. Also watch
process_file await read_file and then write_file: a chain of coroutines awaiting coroutines.
Files are made only inside the lesson's sandbox folder.]],
  },
  expect = {
    -- one print call is one entry, even when its text has a line break in it
    output = { "Processed content: HELLO, WORLD!\nTHIS IS A TEST FILE." },
    total = 0.012001, -- 12 file operations, 1 ms each, and 136 bytes at 100 MB/s (lesson{io} defaults)

  },
  predict = { {
    ask = { ko = "출력은 몇 줄일까요?", en = "How many lines does it print?" },
    choices = { "1", "2", "3" },
    answer = 2, at = 0.0,
    why = { ko = "파일 내용에 줄바꿈(\\n)이 있어서 대문자로 바꾼 결과도 두 줄입니다.",
            en = "The file's text has a line break (\\n) in it, so the uppercased text is two lines." },
  } },
}

local read_file = async(function(filename)
  local f = await(aiofiles.open(filename, "r"))
  local contents = await(f:read())
  await(f:close())
  return contents
end)

local write_file = async(function(filename, content)
  local f = await(aiofiles.open(filename, "w"))
  await(f:write(content))
  await(f:close())
end)

local process_file = async(function(input_file, output_file)
  local content = await(read_file(input_file))
  local processed_content = content:upper() -- 간단한 처리: 모든 텍스트를 대문자로 변환
  await(write_file(output_file, processed_content))
end)

main = async(function()
  await(write_file("input.txt", "Hello, World!\nThis is a test file."))
  await(process_file("input.txt", "output.txt"))
  local result = await(read_file("output.txt"))
  print("Processed content:", result)
end)
-- 'input.txt' 파일 생성 - Hello, World!\nThis is a test file.
-- 'output.txt' 파일 생성 - HELLO, WORLD!\nTHIS IS A TEST FILE.

-- aiofiles: 파일 쓰기 → 읽어서 대문자로 → 다른 파일에 쓰기 → 다시 읽기 (튜토리얼 예제)
-- Python's `async with aiofiles.open(...) as f` becomes open, then close, awaited in turn.
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

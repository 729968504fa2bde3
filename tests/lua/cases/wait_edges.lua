-- asyncio.wait: FIRST_EXCEPTION with no error waits for all; a cancelled task is not an
-- exception; timeout 0; futures already done; a plain Future in the set
local job = async(function(name, d, fail)
  await(asyncio.sleep(d))
  if fail then error(ValueError(name)) end
  return name
end)

local function names(list)
  local out = {}
  for i, t in ipairs(list) do out[i] = t:get_name() end
  table.sort(out)
  return table.concat(out, ",")
end

local function at(t0) return string.format("%.1f", time.monotonic() - t0) end

main = async(function()
  local t0 = time.monotonic()
  local ts = {asyncio.create_task(job("a", 0.2), {name = "a"}), asyncio.create_task(job("b", 0.4), {name = "b"})}
  local done, pending = await(asyncio.wait(ts, {return_when = asyncio.FIRST_EXCEPTION}))
  print("no error:", names(done), "|", names(pending), at(t0))

  -- a cancelled task does not end FIRST_EXCEPTION
  t0 = time.monotonic()
  ts = {asyncio.create_task(job("c", 0.5), {name = "c"}), asyncio.create_task(job("d", 0.3), {name = "d"}),
        asyncio.create_task(job("e", 0.4, true), {name = "e"})}
  asyncio.get_running_loop():call_later(0.1, function() ts[1]:cancel() end)
  done, pending = await(asyncio.wait(ts, {return_when = asyncio.FIRST_EXCEPTION}))
  print("cancel then error:", names(done), "|", names(pending), at(t0), ts[1]:cancelled())
  -- but it does end FIRST_COMPLETED
  t0 = time.monotonic()
  local f = asyncio.create_task(job("f", 1), {name = "f"})
  local g = asyncio.create_task(job("g", 2), {name = "g"})
  asyncio.get_running_loop():call_later(0.3, function() g:cancel() end)
  done, pending = await(asyncio.wait({f, g}, {return_when = asyncio.FIRST_COMPLETED}))
  print("cancelled first:", names(done), "|", names(pending), at(t0))

  -- timeout 0: nothing has had a chance to run
  t0 = time.monotonic()
  local h = asyncio.create_task(job("h", 0), {name = "h"})
  done, pending = await(asyncio.wait({f, h}, {timeout = 0}))
  print("timeout 0:", names(done), "|", names(pending), at(t0))
  done, pending = await(asyncio.wait({f, h}, {timeout = 0}))
  print("timeout 0 again:", names(done), "|", names(pending), at(t0))

  -- all already done, with ALL_COMPLETED and a timeout: returns at once
  done, pending = await(asyncio.wait({h, g}, {timeout = 5}))
  print("already done:", names(done), "|", names(pending), at(t0))

  -- a plain future, set by a timer
  local fut = asyncio.Future()
  asyncio.get_running_loop():call_later(0.2, function() fut:set_exception(RuntimeError("boom")) end)
  done, pending = await(asyncio.wait({fut, f}, {return_when = asyncio.FIRST_EXCEPTION}))
  print("future exception:", #done, #pending, tostring(done[1]:exception()), at(t0))
  -- negative timeout behaves as 0
  done, pending = await(asyncio.wait({f}, {timeout = -1}))
  print("negative:", #done, #pending, at(t0))
  await(f)
  print("end", at(t0))
end)

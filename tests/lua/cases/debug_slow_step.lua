-- debug mode: a step that holds the loop for 0.15 s is logged (stderr), the run goes on
local slow = async(function()
  time.sleep(0.15)
  print("slow step done")
end)

main = async(function()
  await(slow())
  print("main done")
end)

asyncio.run(main(), {debug = true})

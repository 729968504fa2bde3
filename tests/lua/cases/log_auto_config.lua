-- logging: a module-level call before basicConfig configures the root logger itself
-- (WARNING:root:...), so a later basicConfig(level=DEBUG) has no effect
main = async(function()
  logging.info("not shown: default level is WARNING")
  logging.warning("first warning")
  logging.basicConfig{level = "DEBUG"}
  logging.debug("debug after a late basicConfig")
  logging.error("an error")
  print("done")
end)

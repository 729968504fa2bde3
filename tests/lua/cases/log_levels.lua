-- logging.basicConfig(level=INFO): each level's line; numbers as levels; a second
-- basicConfig is ignored; non-string messages
main = async(function()
  logging.basicConfig{level = logging.INFO}
  logging.debug("hidden")
  logging.info("info line")
  logging.warning("warning line")
  logging.error("error line")
  logging.critical("critical line")
  logging.basicConfig{level = logging.DEBUG}
  logging.debug("still hidden: the second basicConfig does nothing")
  logging.info(42)
  logging.warning({1, 2})
  logging.error(nil)
  print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
end)

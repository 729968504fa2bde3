-- logging.basicConfig with a format string, and %-style arguments to the message
main = async(function()
  logging.basicConfig{level = "DEBUG", format = "%(levelname)s - %(name)s - %(message)s"}
  logging.debug("fetching %s", "a.txt")
  logging.info("got %d bytes in %.1f s", 120, 0.5)
  logging.warning("plain")
end)

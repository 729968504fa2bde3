#!/usr/bin/env bash
# io_http_cli.sh BIN -- the tutorial's aiohttp + aiofiles example (download pages, save each
# one in a folder) through `BIN run --realtime --workdir`, against python3's http.server that
# this script starts on 127.0.0.1 and stops. Nothing else on the network is contacted.
set -u
bin=$1
tmp=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/www" "$tmp/box"
head -c 51601 /dev/zero | tr '\0' 'p' >"$tmp/www/www.python.org"
head -c 17035 /dev/zero | tr '\0' 'd' >"$tmp/www/docs.python.org"
head -c 20304 /dev/zero | tr '\0' 'y' >"$tmp/www/pypi.org"

python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$tmp/www" >"$tmp/server.log" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$tmp/server.log")
  [ -n "$port" ] && break
  sleep 0.05
done
if [ -z "$port" ]; then
  echo "FAIL: the loopback server did not start" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi

cat >"$tmp/lesson.lua" <<LUA
local BASE = "http://127.0.0.1:$port"

local download_and_save = async(function(session, url, folder)
  local response = await(session:get(url))
  local filename = os.path.join(folder, url:match("[^/]+\$") .. ".html")
  local content = await(response:text())
  local f = await(aiofiles.open(filename, "w", { encoding = "UTF8" }))
  await(f:write(content))
  await(f:close())
  return { filename, #content }
end)

local process_sites = async(function(sites, folder)
  local session = aiohttp.ClientSession()
  local tasks = {}
  for _, url in ipairs(sites) do
    tasks[#tasks + 1] = asyncio.create_task(download_and_save(session, url, folder))
  end
  local results = await(asyncio.gather(table.unpack(tasks)))
  await(session:close())
  for _, r in ipairs(results) do
    print(string.format("Downloaded %s: %d characters", r[1], r[2]))
  end
end)

main = async(function()
  local sites = { BASE .. "/www.python.org", BASE .. "/docs.python.org", BASE .. "/pypi.org" }
  local folder = "downloaded_sites"
  os.makedirs(folder, { exist_ok = true })
  await(process_sites(sites, folder))
end)
LUA

want="Downloaded downloaded_sites/www.python.org.html: 51601 characters
Downloaded downloaded_sites/docs.python.org.html: 17035 characters
Downloaded downloaded_sites/pypi.org.html: 20304 characters"
got=$("$bin" run --realtime --workdir "$tmp/box" "$tmp/lesson.lua" 2>"$tmp/err")
status=$?
fail=0
if [ "$status" != 0 ] || [ "$got" != "$want" ]; then
  echo "FAIL: exit $status, output:" >&2
  printf '%s\n--- expected ---\n%s\n--- stderr ---\n' "$got" "$want" >&2
  cat "$tmp/err" >&2
  fail=1
fi
for f in www.python.org docs.python.org pypi.org; do
  if ! cmp -s "$tmp/www/$f" "$tmp/box/downloaded_sites/$f.html"; then
    echo "FAIL: $f was not saved in the sandbox folder" >&2
    fail=1
  fi
done
exit $fail

#!/usr/bin/env bash
# front_test.sh FRONT UI TOP NAME -- the two executables: `loopscope`, the front, maps no SDL and
# no libcurl and execs loopscope-ui (beside it, or in ../libexec/loopscope/) for what draws;
# libcurl is loaded only by a real-clock GET, and its absence is a Python-style error there.
set -u
bin=$1 ui=$2 top=$3 name=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lesson1="$top/lessons/01_sync_vs_async.lua"
is_png() { head -c 8 "$1" 2>/dev/null | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a"; }

case $name in
no_sdl_no_curl)
  command -v readelf >/dev/null || exit 77
  readelf -d "$bin" | grep NEEDED >"$tmp/needed" || fail "readelf"
  if grep -Ei "libSDL2|libgif|libcurl" "$tmp/needed"; then fail "the front links the above"; fi
  ldd "$bin" >"$tmp/ldd" || fail "ldd"
  if grep -Ei "libSDL2|libcurl|libX11|libwayland" "$tmp/ldd"; then fail "the front maps the above"; fi
  readelf -d "$ui" | grep -q "NEEDED.*libSDL2" || fail "loopscope-ui does not link SDL2 (the check is blind)"
  ;;
export_through_ui)
  # the front runs nothing itself: loopscope-ui replaces it (same pid) and writes the picture
  "$bin" run "$lesson1" --export "$tmp/t.png" --size 640x360 >"$tmp/o" 2>"$tmp/e" ||
    fail "exit $?: $(cat "$tmp/e")"
  is_png "$tmp/t.png" || fail "not a PNG"
  [ "$(wc -l <"$tmp/o")" -eq 14 ] || fail "stdout has $(wc -l <"$tmp/o") lines"
  grep -q "^wrote $tmp/t.png$" "$tmp/e" || fail "stderr: $(cat "$tmp/e")"
  ;;
ui_in_libexec)
  # an installed layout: bin/loopscope and libexec/loopscope/loopscope-ui
  mkdir -p "$tmp/bin" "$tmp/libexec/loopscope"
  cp "$bin" "$tmp/bin/loopscope"
  ln -s "$ui" "$tmp/libexec/loopscope/loopscope-ui"
  "$tmp/bin/loopscope" run "$lesson1" --export "$tmp/t.png" --size 640x360 >/dev/null \
    2>"$tmp/e" || fail "exit $?: $(cat "$tmp/e")"
  is_png "$tmp/t.png" || fail "not a PNG"
  ;;
ui_missing)
  cp "$bin" "$tmp/loopscope"
  want="loopscope: the window and exports need loopscope-ui, not found at $tmp/loopscope-ui"
  for cmd in "$lesson1" "" "shot $lesson1 --at 1 --out $tmp/s.png" \
             "run $lesson1 --export $tmp/t.png"; do
    # shellcheck disable=SC2086 # the words of cmd are the arguments
    "$tmp/loopscope" $cmd >"$tmp/o" 2>"$tmp/e"
    rc=$?
    [ $rc -eq 2 ] || fail "'$cmd': exit $rc, not 2"
    [ "$(wc -l <"$tmp/e")" -eq 1 ] || fail "'$cmd': not one line: $(cat "$tmp/e")"
    grep -qF "$want" "$tmp/e" || fail "'$cmd': message: $(cat "$tmp/e")"
    [ ! -s "$tmp/o" ] || fail "'$cmd': wrote on stdout"
  done
  if [ -e "$tmp/s.png" ] || [ -e "$tmp/t.png" ]; then fail "a picture was written"; fi
  # what needs no drawing still runs here
  "$tmp/loopscope" run "$lesson1" --check --trace "$tmp/t.json" >"$tmp/o" 2>"$tmp/e" ||
    fail "run: exit $?: $(cat "$tmp/e")"
  [ "$(wc -l <"$tmp/o")" -eq 14 ] || fail "run: $(wc -l <"$tmp/o") lines"
  grep -q '"traceEvents"' "$tmp/t.json" || fail "no trace"
  "$tmp/loopscope" --version | grep -q "^loopscope " || fail "--version"
  "$tmp/loopscope" run --nope "$lesson1" 2>"$tmp/e"
  rc=$?
  [ $rc -eq 2 ] || fail "bad flag: exit $rc"
  grep -q "unknown option '--nope'" "$tmp/e" || fail "bad flag: $(cat "$tmp/e")"
  ;;
no_libcurl)
  # a real-clock GET with no usable libcurl.so.4: an OSError at the call, and the run goes on
  cat >"$tmp/get.lua" <<'LUA'
main = async(function()
  local s = aiohttp.ClientSession()
  local ok, e = pcall(function() return await(s:get("http://127.0.0.1:9/")) end)
  print(isinstance(e, OSError), e)
  await(s:get("http://127.0.0.1:9/"))
end)
LUA
  mkdir "$tmp/empty" "$tmp/other"
  : >"$tmp/empty/libcurl.so.4" # dlopen fails
  libm=$(ldd "$bin" | awk '$1 ~ /^libm\.so/ {print $3}')
  [ -f "$libm" ] && cp "$libm" "$tmp/other/libcurl.so.4" # dlopen works, dlsym fails
  for d in empty other; do
    [ -f "$tmp/$d/libcurl.so.4" ] || continue
    LD_LIBRARY_PATH="$tmp/$d" "$bin" run --realtime "$tmp/get.lua" >"$tmp/o" 2>"$tmp/e"
    rc=$?
    [ $rc -eq 1 ] || fail "$d: exit $rc, not 1: $(cat "$tmp/e")"
    grep -q "^True .*libcurl\.so\.4" "$tmp/o" || fail "$d: printed $(cat "$tmp/o")"
    grep -q "^OSError: aiohttp.*libcurl\.so\.4" "$tmp/e" || fail "$d: stderr $(cat "$tmp/e")"
    grep -q 'get.lua", line 5' "$tmp/e" || fail "$d: no line: $(cat "$tmp/e")"
  done
  ;;
*) fail "no such case" ;;
esac
exit 0

#!/usr/bin/env bash
# cli_test.sh BIN TOP NAME -- one test of the command line contract (SPEC section 6).
set -u
bin=$1 top=$2 name=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lesson1="$top/lessons/01_sync_vs_async.lua"

case $name in
version)
  out=$("$bin" --version) || fail "exit $?"
  [[ $out =~ ^loopscope\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "prints '$out'"
  ;;
help)
  out=$("$bin" --help) || fail "exit $?"
  for w in "run LESSON.lua" "--realtime" "--trace" "--export" "--check" "shot"; do
    grep -qF -- "$w" <<<"$out" || fail "--help lacks $w"
  done
  ;;
bad_flag)
  "$bin" run --nope "$lesson1" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 2 ] || fail "exit status not 2"
  [ "$(wc -l <"$tmp/e")" -eq 1 ] || fail "not one line: $(cat "$tmp/e")"
  grep -q "unknown option '--nope'" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  ;;
missing_file)
  "$bin" run "$tmp/none.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 2 ] || fail "exit status not 2"
  grep -q "cannot open .*none.lua: No such file" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  ;;
syntax_error)
  printf 'main = async(function()\n  local x = = 2\nend)\n' >"$tmp/bad.lua"
  "$bin" run "$tmp/bad.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 1 ] || fail "exit status not 1"
  grep -q "bad.lua:2:" "$tmp/e" || fail "no file:line: $(cat "$tmp/e")"
  ;;
uncaught_error)
  printf 'local w = async(function()\n  error(ValueError("boom"))\nend)\nmain = async(function()\n  await(w())\nend)\n' >"$tmp/err.lua"
  "$bin" run "$tmp/err.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 1 ] || fail "exit status not 1"
  grep -q "Task 'Task-1'" "$tmp/e" || fail "no task named: $(cat "$tmp/e")"
  grep -q 'err.lua", line 2, in w' "$tmp/e" || fail "no file:line: $(cat "$tmp/e")"
  grep -q "^ValueError: boom$" "$tmp/e" || fail "no final line: $(cat "$tmp/e")"
  ;;
stdout_exact)
  # stdout holds exactly what print wrote; the compare headers go to stderr
  "$bin" run "$lesson1" >"$tmp/o" 2>"$tmp/e" || fail "exit $?"
  [ "$(head -1 "$tmp/o")" = "Task 1 작업 시작" ] || fail "first line: $(head -1 "$tmp/o")"
  [ "$(wc -l <"$tmp/o")" -eq 14 ] || fail "$(wc -l <"$tmp/o") lines"
  grep -q "^== sync_main ==$" "$tmp/e" || fail "no header on stderr"
  ! grep -q "==" "$tmp/o" || fail "a header on stdout"
  ;;
check_mismatch)
  sed 's/"총 실행 시간: 3.00초"/"총 실행 시간: 9.99초"/' "$lesson1" >"$tmp/l.lua"
  "$bin" run --check "$tmp/l.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 1 ] || fail "exit status not 1"
  grep -q "check: line 14: expected '총 실행 시간: 9.99초', got '총 실행 시간: 3.00초'" "$tmp/e" ||
    fail "message: $(cat "$tmp/e")"
  ;;
deterministic_trace)
  "$bin" run "$lesson1" --trace "$tmp/a.json" >/dev/null 2>&1 || fail "run 1"
  "$bin" run "$lesson1" --trace "$tmp/b.json" >/dev/null 2>&1 || fail "run 2"
  cmp -s "$tmp/a.json" "$tmp/b.json" || fail "two runs gave different traces"
  ;;
trace_json)
  "$bin" run "$lesson1" --trace "$tmp/t.json" >/dev/null 2>&1 || fail "exit $?"
  command -v python3 >/dev/null || exit 77
  python3 - "$tmp/t.json" <<'PY' || fail "trace check failed"
import json, sys, collections
d = json.load(open(sys.argv[1]))
ev = d["traceEvents"]
names = {(e["pid"], e["tid"]): e["args"]["name"] for e in ev if e["name"] == "thread_name"}
procs = {e["pid"]: e["args"]["name"] for e in ev if e["name"] == "process_name"}
assert procs == {1: "sync_main", 2: "async_main"}, procs
tasks = sorted(n for (pid, tid), n in names.items() if pid == 2 and tid)
assert tasks == ["Task-1", "Task-2", "Task-3", "Task-4"], tasks
assert names[(2, 0)] == "event loop", names
pairs = collections.Counter((e["pid"], e["id"], e["ph"]) for e in ev if e["ph"] in "be")
for (pid, i, ph), n in pairs.items():
    assert n == 1 and pairs[(pid, i, "e" if ph == "b" else "b")] == 1, (pid, i)
for e in ev:
    if e["ph"] == "X": assert e["dur"] >= 0 and "ts" in e
# the sync run is blocked for 2 + 3 + 1 s, in microseconds of clock time
blocked = sorted(e["dur"] for e in ev if e.get("cat") == "blocked")
assert blocked == [1e6, 2e6, 3e6], blocked
sleeps = [e for e in ev if e["ph"] == "b" and e["pid"] == 2 and e["name"].startswith("sleep until")]
assert len(sleeps) == 3, sleeps
prints = [e for e in ev if e["name"] == "print"]
assert len(prints) == 14 and prints[-1]["ts"] == 3e6, prints[-1]
PY
  ;;
export_png)
  "$bin" run "$lesson1" --export "$tmp/t.png" --size 800x450 --scale 2 >/dev/null 2>&1 || fail "exit $?"
  head -c 8 "$tmp/t.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "not a PNG"
  # IHDR width and height, big-endian, at bytes 16..23
  dims=$(od -An -tu1 -j16 -N8 "$tmp/t.png" | tr -s ' ')
  [ "$dims" = " 0 0 6 64 0 0 3 132" ] || fail "size is not 1600x900: $dims"
  [ "$(stat -c %a "$tmp/t.png")" != 600 ] || fail "mode 600"
  ;;
export_svg)
  "$bin" run "$lesson1" --export "$tmp/t.svg" --lang en >/dev/null 2>&1 || fail "exit $?"
  grep -q "<svg" "$tmp/t.svg" || fail "no svg element"
  grep -q "6.00 s" "$tmp/t.svg" || fail "no total as text"
  if command -v xmllint >/dev/null; then xmllint --noout "$tmp/t.svg" || fail "not well-formed"; fi
  ;;
export_unwritable)
  echo keep >"$tmp/old.png"
  "$bin" run "$lesson1" --export "$tmp/no/such/dir/x.png" >/dev/null 2>"$tmp/e"
  [ $? -eq 2 ] || fail "exit status not 2"
  grep -q "cannot write" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  "$bin" run "$lesson1" --export "$tmp/x.gifx" >/dev/null 2>"$tmp/e"
  [ $? -eq 2 ] || fail "unknown format: exit status not 2"
  ;;
export_atomic)
  # a killed export leaves the old file and no temporary behind
  echo old >"$tmp/keep.svg"
  printf 'main = async(function()\n  print("x")\n  time.sleep(30)\nend)\n' >"$tmp/slow.lua"
  timeout -s KILL 1 "$bin" run --realtime "$tmp/slow.lua" --export "$tmp/keep.svg" >/dev/null 2>&1
  [ "$(cat "$tmp/keep.svg")" = old ] || fail "the old file changed"
  [ -z "$(ls "$tmp" | grep tmp-)" ] || fail "a temporary was left: $(ls "$tmp")"
  ;;
*)
  echo "no test $name" >&2
  exit 2
  ;;
esac
exit 0

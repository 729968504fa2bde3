#!/bin/sh
# shot_cli.sh -- `loopscope shot` on the command line: exit statuses, files written or not.
# usage: shot_cli.sh LOOPSCOPE LESSONS_DIR
set -u
bin=$1 lessons=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # expect STATUS DESCRIPTION -- COMMAND...
  want=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, wanted $want" >&2
    cat "$tmp/err" >&2
    fail=1
  else
    echo "ok   $what"
  fi
}
l1="$lessons/01_sync_vs_async.lua"
expect 0 "a shot at 1.5 s" -- "$bin" shot "$l1" --at 1.5 --out "$tmp/a.png"
[ -s "$tmp/a.png" ] || { echo "FAIL: no picture" >&2; fail=1; }
head -c 8 "$tmp/a.png" | od -An -tx1 | grep -q "89 50 4e 47" || { echo "FAIL: not a PNG" >&2; fail=1; }
expect 0 "a shot at the end, 1920x1080, English, dark" -- \
  "$bin" shot "$l1" --out "$tmp/b.png" --size 1920x1080 --lang en --theme dark
expect 2 "no --out" -- "$bin" shot "$l1" --at 1
expect 2 "not a .png" -- "$bin" shot "$l1" --out "$tmp/c.svg"
[ ! -e "$tmp/c.svg" ] || { echo "FAIL: wrote c.svg" >&2; fail=1; }
expect 2 "an unreadable lesson" -- "$bin" shot "$tmp/none.lua" --out "$tmp/d.png"
expect 2 "a bad --at" -- "$bin" shot "$l1" --at soon --out "$tmp/e.png"
expect 2 "no lesson" -- "$bin" shot --out "$tmp/f.png"
printf 'main = async(function()\n  print("x"\nend)\n' >"$tmp/syntax.lua"
expect 1 "a lesson with a syntax error still gets its picture" -- \
  "$bin" shot "$tmp/syntax.lua" --out "$tmp/g.png"
[ -s "$tmp/g.png" ] || { echo "FAIL: no picture of the broken lesson" >&2; fail=1; }
grep -q "syntax.lua:3:" "$tmp/err" || { echo "FAIL: the error is not on stderr" >&2; fail=1; }
expect 2 "into a folder that does not exist" -- "$bin" shot "$l1" --out "$tmp/no/such/h.png"
ls "$tmp" | grep -q tmp- && { echo "FAIL: a temporary file was left behind" >&2; fail=1; }
exit $fail

#!/usr/bin/env bash
# run_case.sh BIN DIR NAME -- runs DIR/NAME.lua with `BIN run` and compares what it did with
# what CPython did for the twin: stdout with NAME.out, the exit status with NAME.exit (0 if
# absent), and each line of NAME.stderr must appear in stderr. Prints a diff on mismatch.
set -u
bin=$1 dir=$2 name=$3
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
( cd "$dir" && "$bin" run "$name.lua" ) >"$out" 2>"$err"
status=$?
want_status=0
[ -f "$dir/$name.exit" ] && want_status=$(tr -d ' \n' <"$dir/$name.exit")
fail=0
if ! diff -u "$dir/$name.out" "$out" >&2; then
  echo "FAIL $name: stdout differs from CPython's (above: - CPython, + Loopscope)" >&2
  fail=1
fi
if [ "$status" != "$want_status" ]; then
  echo "FAIL $name: exit status $status, expected $want_status" >&2
  fail=1
fi
if [ -f "$dir/$name.stderr" ]; then
  while IFS= read -r phrase || [ -n "$phrase" ]; do
    [ -z "$phrase" ] && continue
    if ! grep -qF -- "$phrase" "$err"; then
      echo "FAIL $name: stderr lacks '$phrase'" >&2
      fail=1
    fi
  done <"$dir/$name.stderr"
fi
if [ $fail -ne 0 ]; then
  echo "--- stderr ---" >&2
  head -c 4000 "$err" >&2
fi
exit $fail

#!/bin/sh
# check_exercise.sh LOOPSCOPE LESSON SOLUTION: an exercise fails its check as shipped (exit 1,
# not a crash or a usage error) and its solved copy passes it.
set -u
"$1" run --check "$2" >/dev/null 2>&1
rc=$?
if [ "$rc" -ne 1 ]; then
  echo "$2: --check exited $rc, expected 1 (the exercise must not pass as shipped)"
  exit 1
fi
if ! "$1" run --check "$3" >/dev/null; then
  echo "$3: the solution does not pass --check"
  exit 1
fi
echo "ok: $2 fails as shipped, $3 passes"

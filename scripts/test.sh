#!/usr/bin/env bash
# test.sh -- installs what is missing, builds, and runs every test twice: a plain build, then
# one with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/scripts/install-deps.sh"
jobs=$(nproc)
for kind in plain asan; do
  dir="$top/build-test-$kind"
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
  [ "$kind" = asan ] && flags=(-DCMAKE_BUILD_TYPE=Debug -DLS_SANITIZE=ON)
  echo "== $kind build ==" >&2
  cmake -S "$top" -B "$dir" "${flags[@]}" >/dev/null
  log="$dir/build.log"
  if ! cmake --build "$dir" -j"$jobs" >"$log" 2>&1; then
    cat "$log" >&2
    echo "the $kind build failed" >&2
    exit 1
  fi
  if grep -E "warning:|error:" "$log" >&2; then
    echo "the $kind build is not warning-free" >&2
    exit 1
  fi
  (cd "$dir" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest -j"$jobs" --output-on-failure --timeout 300)
done

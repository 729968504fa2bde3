#!/usr/bin/env bash
# test.sh -- installs what is missing, builds, and runs every test twice: a plain build, then
# one with AddressSanitizer and UndefinedBehaviorSanitizer; then runs the lesson fuzzer
# (libFuzzer, clang) for a bounded time.
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

# Third pass: the lesson fuzzer over a copy of the seed corpus, 45 s. A crash fails the run and
# leaves its input in build-test-fuzz/artifacts/ (keep it in tests/fuzz/regressions/).
dir="$top/build-test-fuzz"
echo "== fuzz build ==" >&2
CC=clang cmake -S "$top" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLS_FUZZ=ON >/dev/null
log="$dir/build.log"
if ! cmake --build "$dir" -j"$jobs" --target fuzz_lesson >"$log" 2>&1; then
  cat "$log" >&2
  echo "the fuzz build failed" >&2
  exit 1
fi
if grep -E "warning:|error:" "$log" >&2; then
  echo "the fuzz build is not warning-free" >&2
  exit 1
fi
rm -rf "$dir/corpus" "$dir/artifacts"
cp -r "$top/tests/fuzz/corpus" "$dir/corpus"
mkdir -p "$dir/artifacts"
if ! "$dir/tests/fuzz/fuzz_lesson" "$dir/corpus" -max_total_time=45 -max_len=2048 -timeout=10 \
     -artifact_prefix="$dir/artifacts/" -print_final_stats=1 >"$dir/fuzz.log" 2>&1; then
  tail -n 80 "$dir/fuzz.log" >&2
  echo "the fuzzer found a crash: $(ls "$dir/artifacts")" >&2
  exit 1
fi
grep -E "^stat::number_of_executed_units|^Done" "$dir/fuzz.log" >&2 || true

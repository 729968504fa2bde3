#!/usr/bin/env bash
# export.sh [BUILD_DIR] [RUNS] -- times `loopscope run LESSON --export FILE`: lesson 1's PNG
# (and GIF), and the 10,000-task, ~1,000,000-event big_timeline.lua at 1600x900. Each case runs
# RUNS times with and without --export; the export's own time is the difference of the medians.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
runs=${2:-5}
bin=${LOOPSCOPE:-$build/src/app/loopscope}
[ -x "$bin" ] || { echo "no binary at $bin (build first, or set LOOPSCOPE)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# median of RUNS wall-clock seconds of "$@"
median() {
  local ts=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(now)
    "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    t1=$(now)
    ts+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')")
  done
  printf '%s\n' "${ts[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "# loopscope --export, $(date -u +%Y-%m-%d), $(uname -m), $(nproc) CPUs, median of $runs"
echo
echo "| case | run alone | run + export | export |"
echo "|---|---|---|---|"
row() { # name lesson ext [args...]
  local name=$1 lesson=$2 ext=$3
  shift 3
  local a b
  a=$(median "$bin" run "$lesson")
  b=$(median "$bin" run "$lesson" --export "$tmp/out.$ext" "$@")
  awk -v n="$name" -v a="$a" -v b="$b" \
    'BEGIN { printf "| %s | %.3f s | %.3f s | %.3f s |\n", n, a, b, b - a }'
}
row "lesson 1, PNG 1600x900" "$top/lessons/01_sync_vs_async.lua" png
row "lesson 1, GIF 1600x900 (43 frames)" "$top/lessons/01_sync_vs_async.lua" gif
row "big_timeline (10,000 tasks), PNG 1600x900" "$top/bench/big_timeline.lua" png

#!/usr/bin/env bash
# bench/run.sh [BUILD_DIR] [RUNS]
#
# Runs the Loopscope-vs-CPython benchmarks (see bench/README.md) and prints a Markdown
# table on stdout; progress goes to stderr, so `bench/run.sh > result.md` keeps just
# the table.
#
#   BUILD_DIR  CMake build folder holding src/app/loopscope (default: <repo>/build)
#   RUNS       timed runs per side and workload (default: 5)
#
# Environment: LOOPSCOPE=path overrides the binary, PYTHON=cmd the interpreter
# (default python3), GNU_TIME=path the GNU time program (default /usr/bin/time).
#
# For each workload, the Lua side (`loopscope run X.lua`) and the Python side
# (`python3 X.py`) run alternately: lua, py, lua, py, ... Every run's stdout is
# checked, so a side that skipped or broke the work fails the benchmark.
set -euo pipefail

die() {
  printf 'bench/run.sh: %s\n' "$*" >&2
  exit 2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
build=${1:-$repo/build}
runs=${2:-5}
bin=${LOOPSCOPE:-$build/src/app/loopscope}
py=${PYTHON:-python3}
timebin=${GNU_TIME:-/usr/bin/time}

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$runs'"
if [[ ! -x $bin ]]; then
  die "no Loopscope binary at '$bin'.
Build it first (cmake -S . -B build && cmake --build build) or pass the build folder:
  bench/run.sh BUILD_DIR [RUNS]"
fi
command -v "$py" >/dev/null 2>&1 || die "no Python interpreter '$py' (set PYTHON=...)"
# The interpreter itself, not a wrapper (a pyenv shim is a shell script that would add its
# own start-up, ~50 ms, to every Python run).
real_py=$("$py" -c 'import sys; print(sys.executable)' 2>/dev/null) || true
[[ -n $real_py && -x $real_py ]] && py=$real_py
if ! "$timebin" -f '%M' -o /dev/null true >/dev/null 2>&1; then
  die "GNU time is needed for peak RSS and was not found at '$timebin'.
Install it with:  apt-get install -y time   (or set GNU_TIME=/path/to/gnu/time)"
fi

# Sizes: the .lua files are the single source of truth (os.getenv is not available to
# lessons); the .py files get the same numbers through LS_TASKS / LS_STEPS.
lua_const() { # FILE NAME -> the N of the first `local NAME = N` line
  local v
  v=$(sed -n "s/^local $2 *= *\([0-9][0-9]*\).*/\1/p" "$1" | sed -n 1p)
  [[ -n $v ]] || die "cannot find 'local $2 = N' in $1"
  printf '%s\n' "$v"
}
switch_tasks=$(lua_const "$here/switch.lua" TASKS)
switch_steps=$(lua_const "$here/switch.lua" STEPS)
spawn_tasks=$(lua_const "$here/spawn.lua" TASKS)
switch_ops=$((switch_tasks * switch_steps))

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
results=$tmp/results # lines: WORKLOAD SIDE NANOSECONDS PEAK_RSS_KB
: >"$results"

expected() { # WORKLOAD -> the last stdout line both sides must print
  case $1 in
    empty) echo "empty done" ;;
    switch) echo "switch done" ;;
    spawn) echo "spawn $spawn_tasks $((spawn_tasks * (spawn_tasks + 1) / 2))" ;;
  esac
}

run_one() { # WORKLOAD SIDE RECORD(0|1): one run, checked; appends to $results if RECORD=1
  local w=$1 side=$2 record=$3 t0 t1 kb got want
  local -a cmd
  if [[ $side == lua ]]; then
    cmd=("$bin" run "$here/$w.lua")
  else
    cmd=(env LS_TASKS="$([[ $w == spawn ]] && echo "$spawn_tasks" || echo "$switch_tasks")"
      LS_STEPS="$switch_steps" "$py" "$here/$w.py")
  fi
  t0=$(date +%s%N)
  if ! "$timebin" -f '%M' -o "$tmp/rss" "${cmd[@]}" >"$tmp/out" 2>"$tmp/err"; then
    printf 'bench/run.sh: %s failed: %s\n--- stderr (last 20 lines) ---\n' "$w/$side" "${cmd[*]}" >&2
    tail -n 20 "$tmp/err" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  want=$(expected "$w")
  got=$(tail -n 1 "$tmp/out")
  if [[ $got != "$want" ]]; then
    printf "bench/run.sh: %s printed '%s', expected '%s'\n" "$w/$side" "$got" "$want" >&2
    exit 1
  fi
  kb=$(tail -n 1 "$tmp/rss")
  [[ $kb =~ ^[0-9]+$ ]] || die "could not read peak RSS of $w/$side from GNU time: '$kb'"
  if [[ $record == 1 ]]; then
    echo "$w $side $((t1 - t0)) $kb" >>"$results"
    awk -v w="$w" -v s="$side" -v ns="$((t1 - t0))" -v kb="$kb" \
      'BEGIN { printf "  %-6s %-3s %8.3f s %8.1f MB\n", w, s, ns / 1e9, kb / 1024 }' >&2
  fi
}

echo "warm-up (untimed): empty lua, empty py" >&2
run_one empty lua 0
run_one empty py 0
for w in empty switch spawn; do
  echo "$w: $runs x (lua, py)" >&2
  for ((r = 1; r <= runs; r++)); do
    run_one "$w" lua 1
    run_one "$w" py 1
  done
done

stat() { # WORKLOAD SIDE COLUMN -> "median min max" over the recorded runs
  awk -v w="$1" -v s="$2" -v c="$3" '$1 == w && $2 == s { print $c }' "$results" |
    sort -n |
    awk '{ a[NR] = $1 }
      END {
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "%.0f %s %s\n", m, a[1], a[NR]
      }'
}

# Medians over the timed runs, keyed by WORKLOAD/SIDE: T (ns), TMIN/TMAX (ns), KB (peak RSS).
declare -A T TMIN TMAX KB
for w in empty switch spawn; do
  for side in lua py; do
    read -r "T[$w/$side]" "TMIN[$w/$side]" "TMAX[$w/$side]" < <(stat "$w" "$side" 3)
    read -r "KB[$w/$side]" _ _ < <(stat "$w" "$side" 4)
  done
done

cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed -n 1p)
[[ -n $cpu ]] || cpu=$(sed -n 's/^\(Hardware\|cpu model\|Processor\)[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed -n 1p)
[[ -n $cpu ]] || cpu=unknown
lsver=$(timeout 5 "$bin" --version </dev/null 2>/dev/null | sed -n 1p) || true
pyver=$("$py" -c 'import platform; print(platform.python_implementation(), platform.python_version())' 2>/dev/null) || true
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null) || true

row() { # WORKLOAD SIDE OPS UNIT -> one table row
  local w=$1 side=$2 ops=$3 unit=$4 other=lua
  [[ $side == lua ]] && other=py
  awk -v w="$w" -v side="$side" -v ops="$ops" -v unit="$unit" -v t="${T[$w/$side]}" \
    -v lo="${TMIN[$w/$side]}" -v hi="${TMAX[$w/$side]}" -v kb="${KB[$w/$side]}" \
    -v other="${T[$w/$other]}" 'BEGIN {
      name = (side == "lua") ? "Loopscope" : "CPython"
      if (ops > 0) {
        thr = sprintf("%.3f M %s/s", ops / (t / 1e9) / 1e6, unit)
        per = sprintf("%.3f", t / 1e3 / ops)
        ratio = (side == "lua") ? sprintf("**%.2f×**", other / t) : "1×"
      } else { thr = "—"; per = "—"; ratio = "—" }
      printf "| %s | %s | %.3f | %.3f–%.3f | %s | %s | %.1f | %s |\n",
        w, name, t / 1e9, lo / 1e9, hi / 1e9, thr, per, kb / 1024, ratio
    }'
}

per_task() { # SIDE -> bytes per live task: (RSS spawn - RSS empty) / spawn_tasks
  awk -v a="${KB[spawn/$1]}" -v b="${KB[empty/$1]}" -v n="$spawn_tasks" 'BEGIN { printf "%.0f", (a - b) * 1024 / n }'
}
bpt_lua=$(per_task lua)
bpt_py=$(per_task py)

verdict() { # VALUE OP LIMIT -> PASS/FAIL
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    ok = (op == ">=") ? (v >= l) : (v < l); print ok ? "PASS" : "FAIL" }'
}
sw_ratio=$(awk -v a="${T[switch/py]}" -v b="${T[switch/lua]}" 'BEGIN { printf "%.2f", a / b }')
sp_ratio=$(awk -v a="${T[spawn/py]}" -v b="${T[spawn/lua]}" 'BEGIN { printf "%.2f", a / b }')

cat <<EOF
### Loopscope vs CPython asyncio — $(date '+%Y-%m-%d %H:%M %Z')

- Machine: \`$(uname -m)\`, $(nproc) CPUs, $cpu
- Loopscope: ${lsver:-unknown}${rev:+ (commit $rev)}, \`$bin\`
- Python: ${pyver:-unknown} (\`$py\`)
- $runs timed run(s) per side, Lua and Python alternating; times are wall clock of the
  whole process (start-up included, see the \`empty\` rows); RSS is the median peak RSS.
- switch: $switch_tasks tasks × $switch_steps \`sleep(0)\` = $switch_ops steps;
  spawn: $spawn_tasks tasks gathered.

| workload | side | median s | min–max s | throughput | µs/op | peak RSS MB | Loopscope/CPython |
|---|---|---:|---:|---:|---:|---:|---:|
EOF
row empty lua 0 -
row empty py 0 -
row switch lua "$switch_ops" steps
row switch py "$switch_ops" steps
row spawn lua "$spawn_tasks" tasks
row spawn py "$spawn_tasks" tasks
cat <<EOF

Bytes per live task, (peak RSS of spawn − peak RSS of empty) / $spawn_tasks:
Loopscope **$bpt_lua B**, CPython **$bpt_py B**.

| target | measured | |
|---|---:|---|
| switch steps/s ≥ 10× CPython | ${sw_ratio}× | $(verdict "$sw_ratio" ">=" 10) |
| spawn tasks/s ≥ 5× CPython | ${sp_ratio}× | $(verdict "$sp_ratio" ">=" 5) |
| memory per live task < 1.5 KB | $bpt_lua B | $(verdict "$bpt_lua" "<" 1536) |
| trace record ≤ 32 bytes | unit test | — |
EOF

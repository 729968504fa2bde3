#!/usr/bin/env bash
# bench/frame.sh [BUILD_DIR] [FRAMES] [WxH]
#
# The window's frame time while playing a lesson with 1,000 tasks (bench/thousand.lua): the
# window opens on a virtual X display (Xvfb) or, without one, on SDL's offscreen driver, plays
# FRAMES frames back to back without vsync, and prints the mean, 95th percentile and worst time
# per frame. 60 frames per second needs under 16.7 ms.
#
#   BUILD_DIR  CMake build folder holding src/app/loopscope (default: <repo>/build)
#   FRAMES     frames to draw (default: 600)
#   WxH        window size (default: 1280x720)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
build=${1:-$repo/build}
frames=${2:-600}
size=${3:-1280x720}
bin=${LOOPSCOPE:-$build/src/app/loopscope}
[[ -x $bin ]] || { echo "bench/frame.sh: no binary at $bin (build first)" >&2; exit 2; }
run() { LOOPSCOPE_BENCH_FRAMES=$frames "$bin" "$here/thousand.lua" --size "$size" "$@"; }
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
  echo "== on this display ==" >&2
  run
elif command -v xvfb-run >/dev/null 2>&1; then
  echo "== on Xvfb (software rendering) ==" >&2
  w=${size%x*} h=${size#*x}
  xvfb-run -a -s "-screen 0 ${w}x${h}x24" env LOOPSCOPE_BENCH_FRAMES="$frames" \
    "$bin" "$here/thousand.lua" --size "$size"
else
  echo "== on SDL's offscreen driver (software rendering) ==" >&2
  SDL_VIDEODRIVER=offscreen run
fi

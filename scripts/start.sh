#!/usr/bin/env bash
# start.sh -- installs what is missing, builds, and runs Loopscope: the window when there is
# a display, otherwise lesson 1 headless (its output, then its timeline as a PNG).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/scripts/install-deps.sh"
cmake -S "$top" -B "$top/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$top/build" -j"$(nproc)" >/dev/null
bin="$top/build/src/app/loopscope"
# With a display, the window opens on the lesson list.
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  cd "$top"
  exec "$bin"
fi
# Without one, lesson 1 runs headless.
echo "== loopscope run lessons/01_sync_vs_async.lua ==" >&2
out="$top/build/01_sync_vs_async.png"
"$bin" run "$top/lessons/01_sync_vs_async.lua" --export "$out"

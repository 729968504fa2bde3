#!/bin/sh
# xvfb_smoke.sh -- the real window on a virtual X display: keys sent with xdotool, the screen
# read back with ImageMagick's import, and the pictures compared between steps.
# usage: xvfb_smoke.sh LOOPSCOPE LESSONS_DIR      (exit 77: skipped, a tool is missing)
set -u
bin=$1 lessons=$2
for tool in xvfb-run xdotool import compare; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skipped: $tool is not installed"; exit 77; }
done
if [ -z "${LOOPSCOPE_IN_XVFB:-}" ]; then
  LOOPSCOPE_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" "$@"
fi

tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME="$tmp/home" XDG_PICTURES_DIR="$tmp/pictures"
mkdir -p "$HOME"
fail=0
say() { echo "$*"; }
bad() { echo "FAIL: $*" >&2; fail=1; }

shot() { # shot NAME: the whole screen, once the window has drawn what the keys asked for
  sleep 0.6
  import -window root "$tmp/$1.png" || bad "import $1"
}
differ() { # differ A B: how many pixels differ
  compare -metric AE "$tmp/$1.png" "$tmp/$2.png" null: 2>&1 | sed 's/ .*//'
}
keys() {
  xdotool windowfocus --sync "$win" 2>/dev/null
  xdotool key --delay 80 "$@"
}

cp "$lessons/01_sync_vs_async.lua" "$tmp/lesson.lua"
"$bin" "$tmp/lesson.lua" 2>"$tmp/stderr" &
pid=$!
win=$(timeout 20 xdotool search --sync --name "Loopscope" | head -n 1)
[ -n "$win" ] || { bad "no window appeared"; cat "$tmp/stderr" >&2; exit 1; }
say "window $win"

# Lesson 1 opens on its first predict question: a number answers it and playback starts;
# Esc puts the questions away.
shot ask
keys 2
shot answered
[ "$(differ ask answered)" != 0 ] || bad "answering the question changed nothing"
keys Escape
[ -f "$HOME/.config/loopscope/progress" ] || bad "the answer was not saved"

keys End
shot end
keys Home
shot home
[ "$(differ end home)" != 0 ] || bad "End and Home look the same"
keys Right Right Right Right Right Right
shot step6
[ "$(differ home step6)" != 0 ] || bad "six steps changed nothing"
keys Left Left Left Left Left Left
shot back6
[ "$(differ home back6)" = 0 ] || bad "six steps back do not show what the start showed ($(differ home back6) px)"
keys Right Right Right Right Right Right
shot step6b
[ "$(differ step6 step6b)" = 0 ] || bad "stepping forward again shows something else"
keys question
shot help
[ "$(differ step6b help)" != 0 ] || bad "? drew no help"
keys Escape
shot nohelp
[ "$(differ step6b nohelp)" = 0 ] || bad "Escape did not close the help"
keys l
shot english
[ "$(differ step6b english)" != 0 ] || bad "L changed nothing"
keys t
shot dark
[ "$(differ english dark)" != 0 ] || bad "T changed nothing"
keys t l Tab
shot tab
[ "$(differ step6b tab)" != 0 ] || bad "Tab changed nothing"
keys Tab plus plus
shot faster
[ "$(differ step6b faster)" != 0 ] || bad "+ did not change the speed shown"
keys minus minus
shot slower
[ "$(differ step6b slower)" = 0 ] || bad "- did not bring the speed back"
keys space
sleep 1.5
shot playing
[ "$(differ step6b playing)" != 0 ] || bad "Space did not play"
keys space End s
sleep 0.5
ls "$XDG_PICTURES_DIR/loopscope/"*.png >/dev/null 2>&1 || bad "S saved no screenshot"
keys ctrl+e
sleep 0.8
ls "$XDG_PICTURES_DIR/loopscope/"*timeline.png >/dev/null 2>&1 || bad "Ctrl+E saved no timeline"
keys ctrl+plus
shot bigger
keys ctrl+minus
shot normal
[ "$(differ bigger normal)" != 0 ] || bad "Ctrl + changed nothing"

# The student saves the lesson: it reloads and restarts; a syntax error shows, the window stays.
keys End
shot before_edit
printf '\n-- edited\n' >>"$tmp/lesson.lua"
sleep 1.5
shot reloaded
[ "$(differ before_edit reloaded)" != 0 ] || bad "the edited lesson did not reload"
printf '\nthis is not lua (\n' >>"$tmp/lesson.lua"
sleep 1.5
shot broken
kill -0 "$pid" 2>/dev/null || bad "the window closed on a syntax error"
grep -q "lesson.lua:" "$tmp/stderr" || bad "the syntax error is not on stderr"
[ "$(differ reloaded broken)" != 0 ] || bad "the syntax error is not shown"

# Back to the list, and into a lesson again.
keys b
shot browser
[ "$(differ broken browser)" != 0 ] || bad "B did not show the lesson list"
keys Return
sleep 1
keys End
shot reopened
[ "$(differ browser reopened)" != 0 ] || bad "Enter did not open a lesson"

keys Escape
sleep 0.3
keys Escape
for i in 1 2 3 4 5 6 7 8 9 10; do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.3
done
if kill -0 "$pid" 2>/dev/null; then
  bad "Esc did not quit"
else
  wait "$pid"
  rc=$?
  [ "$rc" = 0 ] || bad "the window exited with $rc"
  pid=
fi
[ -n "${LOOPSCOPE_KEEP_SHOTS:-}" ] && cp "$tmp"/*.png "$LOOPSCOPE_KEEP_SHOTS"/ 2>/dev/null
[ "$fail" = 0 ] && say "ok   the window: steps, steps back, help, language, theme, runs, speed, play, screenshots, reload, errors, lesson list, quit"
exit $fail

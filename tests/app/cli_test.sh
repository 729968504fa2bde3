#!/usr/bin/env bash
# cli_test.sh BIN TOP NAME -- one test of the command line contract (SPEC section 6).
set -u
bin=$1 top=$2 name=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lesson1="$top/lessons/01_sync_vs_async.lua"

case $name in
version)
  out=$("$bin" --version) || fail "exit $?"
  [[ $out =~ ^loopscope\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "prints '$out'"
  ;;
help)
  out=$("$bin" --help) || fail "exit $?"
  for w in "run LESSON.lua" "--realtime" "--trace" "--export" "--check" "shot"; do
    grep -qF -- "$w" <<<"$out" || fail "--help lacks $w"
  done
  ;;
bad_flag)
  "$bin" run --nope "$lesson1" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 2 ] || fail "exit status not 2"
  [ "$(wc -l <"$tmp/e")" -eq 1 ] || fail "not one line: $(cat "$tmp/e")"
  grep -q "unknown option '--nope'" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  ;;
missing_file)
  "$bin" run "$tmp/none.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 2 ] || fail "exit status not 2"
  grep -q "cannot open .*none.lua: No such file" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  ;;
syntax_error)
  printf 'main = async(function()\n  local x = = 2\nend)\n' >"$tmp/bad.lua"
  "$bin" run "$tmp/bad.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 1 ] || fail "exit status not 1"
  grep -q "bad.lua:2:" "$tmp/e" || fail "no file:line: $(cat "$tmp/e")"
  ;;
uncaught_error)
  printf 'local w = async(function()\n  error(ValueError("boom"))\nend)\nmain = async(function()\n  await(w())\nend)\n' >"$tmp/err.lua"
  "$bin" run "$tmp/err.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 1 ] || fail "exit status not 1"
  grep -q "Task 'Task-1'" "$tmp/e" || fail "no task named: $(cat "$tmp/e")"
  grep -q 'err.lua", line 2, in w' "$tmp/e" || fail "no file:line: $(cat "$tmp/e")"
  grep -q "^ValueError: boom$" "$tmp/e" || fail "no final line: $(cat "$tmp/e")"
  ;;
stdout_exact)
  # stdout holds exactly what print wrote; the compare headers go to stderr
  "$bin" run "$lesson1" >"$tmp/o" 2>"$tmp/e" || fail "exit $?"
  [ "$(head -1 "$tmp/o")" = "Task 1 작업 시작" ] || fail "first line: $(head -1 "$tmp/o")"
  [ "$(wc -l <"$tmp/o")" -eq 14 ] || fail "$(wc -l <"$tmp/o") lines"
  grep -q "^== sync_main ==$" "$tmp/e" || fail "no header on stderr"
  ! grep -q "==" "$tmp/o" || fail "a header on stdout"
  ;;
check_mismatch)
  sed 's/"총 실행 시간: 3.00초"/"총 실행 시간: 9.99초"/' "$lesson1" >"$tmp/l.lua"
  "$bin" run --check "$tmp/l.lua" >"$tmp/o" 2>"$tmp/e"
  [ $? -eq 1 ] || fail "exit status not 1"
  grep -q "check: line 14: expected '총 실행 시간: 9.99초', got '총 실행 시간: 3.00초'" "$tmp/e" ||
    fail "message: $(cat "$tmp/e")"
  ;;
deterministic_trace)
  "$bin" run "$lesson1" --trace "$tmp/a.json" >/dev/null 2>&1 || fail "run 1"
  "$bin" run "$lesson1" --trace "$tmp/b.json" >/dev/null 2>&1 || fail "run 2"
  cmp -s "$tmp/a.json" "$tmp/b.json" || fail "two runs gave different traces"
  ;;
trace_json)
  "$bin" run "$lesson1" --trace "$tmp/t.json" >/dev/null 2>&1 || fail "exit $?"
  command -v python3 >/dev/null || exit 77
  python3 - "$tmp/t.json" <<'PY' || fail "trace check failed"
import json, sys, collections
d = json.load(open(sys.argv[1]))
ev = d["traceEvents"]
names = {(e["pid"], e["tid"]): e["args"]["name"] for e in ev if e["name"] == "thread_name"}
procs = {e["pid"]: e["args"]["name"] for e in ev if e["name"] == "process_name"}
assert procs == {1: "sync_main", 2: "async_main"}, procs
tasks = sorted(n for (pid, tid), n in names.items() if pid == 2 and tid)
assert tasks == ["Task-1", "Task-2", "Task-3", "Task-4"], tasks
assert names[(2, 0)] == "event loop", names
pairs = collections.Counter((e["pid"], e["id"], e["ph"]) for e in ev if e["ph"] in "be")
for (pid, i, ph), n in pairs.items():
    assert n == 1 and pairs[(pid, i, "e" if ph == "b" else "b")] == 1, (pid, i)
for e in ev:
    if e["ph"] == "X": assert e["dur"] >= 0 and "ts" in e
# the sync run is blocked for 2 + 3 + 1 s, in microseconds of clock time
blocked = sorted(e["dur"] for e in ev if e.get("cat") == "blocked")
assert blocked == [1e6, 2e6, 3e6], blocked
sleeps = [e for e in ev if e["ph"] == "b" and e["pid"] == 2 and e["name"].startswith("sleep until")]
assert len(sleeps) == 3, sleeps
prints = [e for e in ev if e["name"] == "print"]
assert len(prints) == 14 and prints[-1]["ts"] == 3e6, prints[-1]
PY
  ;;
export_png)
  "$bin" run "$lesson1" --export "$tmp/t.png" --size 800x450 --scale 2 >/dev/null 2>&1 || fail "exit $?"
  head -c 8 "$tmp/t.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "not a PNG"
  # IHDR width and height, big-endian, at bytes 16..23
  dims=$(od -An -tu1 -j16 -N8 "$tmp/t.png" | tr -s ' ')
  [ "$dims" = " 0 0 6 64 0 0 3 132" ] || fail "size is not 1600x900: $dims"
  [ "$(stat -c %a "$tmp/t.png")" != 600 ] || fail "mode 600"
  ;;
export_svg)
  "$bin" run "$lesson1" --export "$tmp/t.svg" --lang en >/dev/null 2>&1 || fail "exit $?"
  grep -q "<svg" "$tmp/t.svg" || fail "no svg element"
  grep -q "6.00 s" "$tmp/t.svg" || fail "no total as text"
  if command -v xmllint >/dev/null; then xmllint --noout "$tmp/t.svg" || fail "not well-formed"; fi
  ;;
export_gif)
  # the timeline growing: GIF89a, more than one frame, looping, the last frame = the PNG export
  "$bin" run "$lesson1" --export "$tmp/t.gif" --size 800x450 >/dev/null 2>&1 || fail "exit $?"
  "$bin" run "$lesson1" --export "$tmp/t.png" --size 800x450 >/dev/null 2>&1 || fail "png exit $?"
  [ "$(head -c 6 "$tmp/t.gif")" = GIF89a ] || fail "not a GIF89a"
  "$bin" run "$lesson1" --export "$tmp/no/such/dir/x.gif" >/dev/null 2>"$tmp/e"
  [ $? -eq 2 ] || fail "unwritable: exit status not 2"
  grep -q "cannot write" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  if command -v python3 >/dev/null; then
    # parses the GIF (LZW and all) and the PNG with the standard library only
    python3 - "$tmp/t.gif" "$tmp/t.png" >"$tmp/o" 2>&1 <<'PY' || fail "$(cat "$tmp/o")"
import struct, sys, zlib
def png_rgb(path):
    d = open(path, "rb").read()
    assert d[:8] == b"\x89PNG\r\n\x1a\n"
    i, idat = 8, b""
    while i < len(d):
        n, t = struct.unpack(">I4s", d[i:i + 8]); c = d[i + 8:i + 8 + n]; i += 12 + n
        if t == b"IHDR": w, h, bd, ct = struct.unpack(">IIBB", c[:10])
        elif t == b"IDAT": idat += c
    assert bd == 8 and ct in (2, 6), (bd, ct)
    bpp = 3 if ct == 2 else 4; raw = zlib.decompress(idat); st = w * bpp
    out, prev, p = [], bytearray(st), 0
    for y in range(h):
        f = raw[p]; row = bytearray(raw[p + 1:p + 1 + st]); p += 1 + st
        for x in range(st):
            a = row[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: row[x] = (row[x] + a) & 255
            elif f == 2: row[x] = (row[x] + b) & 255
            elif f == 3: row[x] = (row[x] + (a + b) // 2) & 255
            elif f == 4:
                q = a + b - c; pa, pb, pc = abs(q - a), abs(q - b), abs(q - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += [tuple(row[x * bpp:x * bpp + 3]) for x in range(w)]; prev = row
    return w, h, out
def lzw(data, mcs, npx):
    clear, end = 1 << mcs, (1 << mcs) + 1
    out, bits, nbits, size, table, prev = [], 0, 0, mcs + 1, None, None
    def reset(): return [[i] for i in range(clear)] + [None, None]
    table = reset()
    for byte in data:
        bits |= byte << nbits; nbits += 8
        while nbits >= size:
            code = bits & ((1 << size) - 1); bits >>= size; nbits -= size
            if code == clear: table, size, prev = reset(), mcs + 1, None; continue
            if code == end: return out
            if prev is None: e = table[code]
            elif code < len(table): e = table[code]; table.append(prev + e[:1])
            else: e = prev + prev[:1]; table.append(e)
            out += e; prev = e
            if len(table) == (1 << size) and size < 12: size += 1
    return out
def gif(path):
    d = open(path, "rb").read(); assert d[:6] == b"GIF89a", d[:6]
    w, h, fl = struct.unpack("<HHB", d[6:11]); i = 13; pal = None
    if fl & 0x80:
        n = 3 << ((fl & 7) + 1); pal = [tuple(d[13 + k:16 + k]) for k in range(0, n, 3)]; i += n
    canvas, frames, loop = [None] * (w * h), 0, False
    def blocks(i):
        s = b""
        while d[i]: s += d[i + 1:i + 1 + d[i]]; i += 1 + d[i]
        return s, i + 1
    while d[i] != 0x3B:
        if d[i] == 0x21:
            label = d[i + 1]; s, i = blocks(i + 2)
            if label == 0xFF and s.startswith(b"NETSCAPE2.0"): loop = True
        elif d[i] == 0x2C:
            x, y, fw, fh, f2 = struct.unpack("<HHHHB", d[i + 1:i + 10]); i += 10
            lp = pal
            if f2 & 0x80:
                n = 3 << ((f2 & 7) + 1); lp = [tuple(d[i + k:i + k + 3]) for k in range(0, n, 3)]; i += n
            assert not f2 & 0x40, "interlaced"
            mcs = d[i]; s, i = blocks(i + 1); px = lzw(s, mcs, fw * fh)
            assert len(px) >= fw * fh, (len(px), fw * fh)
            for r in range(fh):
                canvas[(y + r) * w + x:(y + r) * w + x + fw] = [lp[v] for v in px[r * fw:(r + 1) * fw]]
            frames += 1
        else: raise AssertionError("bad block %#x at %d" % (d[i], i))
    return w, h, frames, loop, pal, canvas
w, h, frames, loop, pal, last = gif(sys.argv[1])
assert frames > 1, frames
assert loop, "no NETSCAPE2.0 loop extension"
pw, ph, ref = png_rgb(sys.argv[2])
assert (w, h) == (pw, ph), ((w, h), (pw, ph))
exact = set(pal); bad = far = 0
for g, p in zip(last, ref):
    if g != p:
        if p in exact: bad += 1
        if max(abs(a - b) for a, b in zip(g, p)) > 64: far += 1
assert bad == 0, "%d pixels differ where the palette holds the PNG's colour" % bad
assert far <= w * h // 1000, "%d pixels far from the PNG" % far
print("frames", frames, "far", far)
PY
  elif command -v identify >/dev/null && command -v compare >/dev/null && command -v convert >/dev/null; then
    n=$(identify "$tmp/t.gif" | wc -l)
    [ "$n" -gt 1 ] || fail "$n frames"
    grep -qa NETSCAPE2.0 "$tmp/t.gif" || fail "no NETSCAPE2.0 loop extension"
    convert "$tmp/t.gif" -coalesce "$tmp/f.png" || fail "convert"
    ae=$(compare -fuzz 25% -metric AE "$tmp/f-$((n - 1)).png" "$tmp/t.png" null: 2>&1)
    [ "${ae%% *}" -le 360 ] 2>/dev/null || fail "last frame differs from the PNG in $ae pixels"
  else
    exit 77
  fi
  ;;
export_unwritable)
  echo keep >"$tmp/old.png"
  "$bin" run "$lesson1" --export "$tmp/no/such/dir/x.png" >/dev/null 2>"$tmp/e"
  [ $? -eq 2 ] || fail "exit status not 2"
  grep -q "cannot write" "$tmp/e" || fail "message: $(cat "$tmp/e")"
  "$bin" run "$lesson1" --export "$tmp/x.gifx" >/dev/null 2>"$tmp/e"
  [ $? -eq 2 ] || fail "unknown format: exit status not 2"
  ;;
export_atomic)
  # a killed export leaves the old file and no temporary behind
  echo old >"$tmp/keep.svg"
  printf 'main = async(function()\n  print("x")\n  time.sleep(30)\nend)\n' >"$tmp/slow.lua"
  timeout -s KILL 1 "$bin" run --realtime "$tmp/slow.lua" --export "$tmp/keep.svg" >/dev/null 2>&1
  [ "$(cat "$tmp/keep.svg")" = old ] || fail "the old file changed"
  [ -z "$(ls "$tmp" | grep tmp-)" ] || fail "a temporary was left: $(ls "$tmp")"
  ;;
*)
  echo "no test $name" >&2
  exit 2
  ;;
esac
exit 0

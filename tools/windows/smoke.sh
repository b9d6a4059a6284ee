#!/usr/bin/env bash
# Smoke test of xuncha.exe under Debian's wine64 and Xvfb (issue 7):
#   tools/windows/smoke.sh [xuncha.exe]      (make wine-smoke builds it first)
# Installs what is missing, makes a fresh prefix under $XUNCHA_SMOKE_DIR
# (default /tmp/xuncha-wine-smoke), then runs the exe from a folder whose
# name has Chinese characters and a space: version, help, demo, template,
# export and import of a workbook, check --round --json, assign --json,
# backup, the default data folder, a batch file (exit codes), the
# window (started, screenshotted, checked not blank, closed) and, under an
# X server without GLX, the message that OpenGL is missing. Every step runs;
# the script prints "N passed, N failed" and exits 1 when any step failed.
# The screenshots and outputs stay in the work folder.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
exe=$(realpath "${1:-xuncha.exe}")
work=${XUNCHA_SMOKE_DIR:-/tmp/xuncha-wine-smoke}
round=${XUNCHA_SMOKE_ROUND:-2026-2} # the demo's round still to staff
T=${XUNCHA_WINE_TIMEOUT:-180}       # seconds for any one wine call
title=巡察统筹

[ -f "$exe" ] || { echo "找不到 (not found): $exe" >&2; exit 2; }
# shellcheck source=tools/windows/wine.sh
. "$here/wine.sh"
trap wine_teardown EXIT
rm -rf "$work"
echo "=== wine 前缀 (prefix) $work/prefix ==="
wine_setup "$work" || { echo "wine 环境准备失败 (wine setup failed)"; exit 1; }
wine --version

# The folder the exe and its data live in: Chinese characters and a space.
dir="$WINEPREFIX/drive_c/巡察 冒烟"
win='C:\巡察 冒烟'
mkdir -p "$dir"
cp "$exe" "$dir/xuncha.exe"
cd "$dir" || exit 1

passed=0 failed=0 failures=""
pass() { passed=$((passed + 1)); echo "  ✓ $1"; }
fail() { failed=$((failed + 1)); failures="$failures\n  ✗ $1"; echo "  ✗ $1"; }

# x NAME ARGS… runs xuncha.exe ARGS…, output in NAME.out/NAME.err; 0 = ok.
x() {
	local name=$1
	shift
	timeout "$T" wine "$win\\xuncha.exe" "$@" >"$name.out" 2>"$name.err"
	local rc=$?
	[ $rc = 0 ] || { echo "    退出码 (exit) $rc:"; sed 's/^/    /' "$name.err" | head -20; }
	return $rc
}

# nonempty FILE…: each file exists and is not empty.
nonempty() {
	local f
	for f; do [ -s "$f" ] || { echo "    缺少或为空 (missing or empty): $f"; return 1; }; done
}

# json FILE: FILE parses as JSON.
json() { nonempty "$1" && python3 -m json.tool "$1" >/dev/null; }

step() { echo "--- $1"; }

# since T0: seconds from T0 (date +%s.%N) to now.
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }

step "version (输出重定向到文件 / stdout redirected to a file)"
start=$(date +%s.%N)
if x version version && grep -q "xuncha" version.out; then
	pass "version: $(head -1 version.out)"
else
	fail "version"
fi
version_s=$(since "$start")

step "help"
if x help help && grep -q "import" help.out; then pass "help"; else fail "help"; fi

step "demo → 演示 数据.db"
if x demo demo --db "$win\\演示 数据.db" && nonempty "演示 数据.db"; then pass "demo"; else fail "demo"; fi

step "template → 模板 空白.xlsx"
if x template template "$win\\模板 空白.xlsx" && nonempty "模板 空白.xlsx"; then pass "template"; else fail "template"; fi

step "export all → 全部 数据.xlsx, import → 导入 数据.db"
if x export export --db "$win\\演示 数据.db" all "$win\\全部 数据.xlsx" && nonempty "全部 数据.xlsx" &&
	x import import --db "$win\\导入 数据.db" "$win\\全部 数据.xlsx" && nonempty "导入 数据.db"; then
	pass "import of a workbook: $(tr '\n' ' ' <import.out | cut -c1-100)"
else
	fail "export/import"
fi

step "check --round $round --json"
if x check check --db "$win\\演示 数据.db" --round "$round" --json "$win\\回避 检查.json" && json "回避 检查.json"; then
	pass "check --round: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["hits"]), "hits")' "回避 检查.json" 2>/dev/null)"
else
	fail "check --round"
fi

step "assign --round $round --seed 12345 --json"
if x assign assign --db "$win\\演示 数据.db" --round "$round" --seed 12345 --json "$win\\编组 结果.json" && json "编组 结果.json"; then
	pass "assign --json: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["teams"]), "teams,", len(d.get("unfilled") or []), "unfilled")' "编组 结果.json" 2>/dev/null)"
else
	fail "assign --json"
fi

step "默认数据位置 (default data folder) %APPDATA%\\xuncha"
appdata=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming 2>/dev/null | head -1)
if x demo-default demo && nonempty "$appdata/xuncha/xuncha.db"; then
	pass "demo without --db wrote %APPDATA%\\xuncha\\xuncha.db"
else
	fail "default database under %APPDATA%\\xuncha"
fi

step "批处理 (batch file): waits for the exe, %ERRORLEVEL%, bad usage = exit 2"
printf '@echo off\r\nxuncha.exe version\r\necho exit=%%ERRORLEVEL%%\r\nxuncha.exe check --db x.db\r\necho exit=%%ERRORLEVEL%%\r\n' >run.bat
timeout "$T" wine cmd /c run.bat >bat.out 2>bat.err
if grep -q xuncha bat.out && grep -q "exit=0" bat.out && grep -q "exit=2" bat.out &&
	grep -q "用法错误" bat.err && grep -q "usage:" bat.err; then
	pass "run.bat: $(tr '\r\n' '  ' <bat.out)"
else
	fail "batch file"
	sed 's/^/    /' bat.out bat.err | head -10
fi

step "backup --to 备份 数据.db"
if x backup backup --db "$win\\演示 数据.db" --to "$win\\备份 数据.db" && nonempty "备份 数据.db"; then pass "backup"; else fail "backup"; fi

# notblank PNG: the picture is not one flat colour.
notblank() {
	local sd
	sd=$(convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info: 2>/dev/null) || return 1
	echo "    标准差 (standard deviation) $sd"
	python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 0.03 else 1)' "$sd"
}

step "窗口 (window): start, screenshot, close"
start=$(date +%s.%N)
timeout "$T" wine "$win\\xuncha.exe" --db "$win\\演示 数据.db" >gui.out 2>gui.err &
gui=$!
if wid=$(timeout 90 xdotool search --sync --onlyvisible --name "^$title\$" 2>/dev/null | head -1) && [ -n "$wid" ]; then
	window_s=$(since "$start")
	for _ in $(seq 150); do # until the first screen is drawn (30 s at most)
		import -window "$wid" "$work/first.png" 2>/dev/null && notblank "$work/first.png" >/dev/null && break
		sleep 0.2
	done
	drawn_s=$(since "$start")
	sleep 3 # let it settle
	name=$(xdotool getwindowname "$wid")
	import -window "$wid" "$work/窗口.png" 2>/dev/null
	import -window root "$work/屏幕.png" 2>/dev/null
	if [ "$name" = "$title" ] && nonempty "$work/窗口.png" && notblank "$work/窗口.png"; then
		pass "window \"$name\" mapped in ${window_s}s, drawn in ${drawn_s}s, screenshot $work/窗口.png"
	else
		fail "window screenshot blank or title \"$name\""
	fi
else
	fail "window did not appear in 90 s"
	sed 's/^/    /' gui.err | head -20
fi
kill "$gui" 2>/dev/null
timeout 30 wineserver -k 2>/dev/null
wait "$gui" 2>/dev/null

step "无 OpenGL (no OpenGL: X server without GLX): a message, not silence"
wine_stop_x
wine_xvfb -extension GLX
timeout "$T" wine "$win\\xuncha.exe" --db "$win\\演示 数据.db" >nogl.out 2>nogl.err &
gui=$!
if wid=$(timeout 90 xdotool search --sync --onlyvisible --name "无法打开窗口" 2>/dev/null | head -1) && [ -n "$wid" ]; then
	sleep 2
	import -window root "$work/无OpenGL.png" 2>/dev/null
	if nonempty "$work/无OpenGL.png" && notblank "$work/无OpenGL.png"; then
		pass "message box \"$(xdotool getwindowname "$wid")\", screenshot $work/无OpenGL.png"
	else
		fail "message box screenshot blank"
	fi
else
	fail "no message box without OpenGL"
	sed 's/^/    /' nogl.err | head -20
fi
kill "$gui" 2>/dev/null
timeout 30 wineserver -k 2>/dev/null
wait "$gui" 2>/dev/null

echo
echo "xuncha.exe: $(stat -c %s "$exe") bytes; version ${version_s}s; window mapped ${window_s:-?}s, drawn ${drawn_s:-?}s ($(wine --version))"
[ "$failed" = 0 ] || printf "失败 (failed):%b\n" "$failures"
echo "wine smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]

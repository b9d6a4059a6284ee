#!/usr/bin/env bash
# Start time of xuncha.exe under wine64 and Xvfb, for docs/BENCHMARKS.md:
#   tools/windows/starttime.sh [xuncha.exe] [RUNS]      (RUNS default 5)
# Prints, per run, the seconds until `xuncha.exe version` has exited, until
# the window 巡察统筹 is mapped (xdotool search --sync) and until its first
# screen is drawn (a screenshot that is not one flat colour), then medians.
# The window opens the city demo database. The wine server stays up between
# runs, as a Windows session would be.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
exe=$(realpath "${1:-xuncha.exe}")
runs=${2:-5}
work=${XUNCHA_SMOKE_DIR:-/tmp/xuncha-wine-start}
# shellcheck source=tools/windows/wine.sh
. "$here/wine.sh"
trap wine_teardown EXIT
rm -rf "$work"
wine_setup "$work" || exit 1
dir="$WINEPREFIX/drive_c/巡察 冒烟"
mkdir -p "$dir" && cp "$exe" "$dir/xuncha.exe" && cd "$dir" || exit 1
timeout 180 wine xuncha.exe demo --db '演示 数据.db' >/dev/null || exit 1
wineserver -p 60 # keep the server up between runs

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
flat() {
	local sd
	sd=$(convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info: 2>/dev/null) || return 0
	python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= 0.03 else 1)' "$sd"
}

: >version.times
: >mapped.times
: >drawn.times
for i in $(seq "$runs"); do
	t=$(now)
	timeout 60 wine xuncha.exe version >/dev/null
	v=$(since "$t")
	t=$(now)
	timeout 120 wine xuncha.exe --db '演示 数据.db' >/dev/null 2>&1 &
	gui=$!
	wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^巡察统筹$' | head -1)
	m=$(since "$t")
	for _ in $(seq 300); do
		import -window "$wid" shot.png 2>/dev/null && ! flat shot.png && break
		sleep 0.1
	done
	d=$(since "$t")
	echo "run $i: version ${v}s, window mapped ${m}s, drawn ${d}s"
	echo "$v" >>version.times
	echo "$m" >>mapped.times
	echo "$d" >>drawn.times
	kill "$gui" 2>/dev/null
	wait "$gui" 2>/dev/null
	timeout 20 wine taskkill /f /im xuncha.exe >/dev/null 2>&1
	sleep 1
done
echo "median of $runs: version $(median <version.times)s, window mapped $(median <mapped.times)s, drawn $(median <drawn.times)s"
echo "xuncha.exe $(stat -c %s "$exe") bytes; $(wine --version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

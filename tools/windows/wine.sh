# shellcheck shell=bash
# Wine for the Windows smoke test of xuncha.exe, sourced by smoke.sh (and by
# hand: `. tools/windows/wine.sh; wine_setup /tmp/w; wine "$exe" version`).
#
# wine_setup DIR installs what is missing (Debian: wine64, xvfb, imagemagick,
# xdotool), makes a fresh 64-bit prefix in DIR/prefix, builds the stub
# bcryptprimitives.dll with mingw and puts it in the prefix's system32 (Wine 8
# lacks ProcessPrng, which Go 1.24+ needs at start), and starts an Xvfb for it.
# Every wine call below is bounded by a timeout. wine_teardown stops both.

WINE_TOOLS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WINE_DEBS="wine wine64 xvfb imagemagick xdotool gcc-mingw-w64-x86-64"

# wine_need installs the Debian packages that are missing.
wine_need() {
	local missing="" p sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	for p in $WINE_DEBS; do
		dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "安装 (installing):$missing"
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
	fi
}

# wine_xvfb [EXTRA Xvfb ARGS…] starts an Xvfb on a free display and sets
# DISPLAY and WINE_XVFB_PID; e.g. `wine_xvfb -extension GLX` has no OpenGL.
wine_xvfb() {
	local fifo
	fifo=$(mktemp -u)
	mkfifo "$fifo"
	Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp "$@" 3>"$fifo" 2>/dev/null &
	WINE_XVFB_PID=$!
	local n
	read -r -t 30 n <"$fifo" || { rm -f "$fifo"; echo "Xvfb 未启动 (Xvfb did not start)" >&2; return 1; }
	rm -f "$fifo"
	export DISPLAY=":$n"
}

# wine_stop_x stops the Xvfb wine_xvfb started.
wine_stop_x() {
	if [ -n "${WINE_XVFB_PID:-}" ]; then
		kill "$WINE_XVFB_PID" 2>/dev/null || true
		wait "$WINE_XVFB_PID" 2>/dev/null || true
		WINE_XVFB_PID=""
	fi
}

# wine_setup DIR: packages, Xvfb, a fresh prefix in DIR/prefix with the stub.
wine_setup() {
	local dir=$1
	wine_need
	export WINEPREFIX="$dir/prefix" WINEARCH=win64 WINEDEBUG=-all
	# No Mono/Gecko installer dialogs (they would wait for a click or the
	# network); the stub bcryptprimitives.dll is used instead of any builtin.
	export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
	# Wine turns the arguments into UTF-16 with the locale's charset: Chinese
	# file names need a UTF-8 locale.
	export LANG=C.UTF-8 LC_ALL=C.UTF-8
	rm -rf "$WINEPREFIX"
	mkdir -p "$dir"
	wine_xvfb || return 1
	timeout 300 wineboot -i >/dev/null 2>&1 || { echo "wineboot 失败 (wineboot failed)" >&2; return 1; }
	timeout 120 wineserver -w || true
	x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dir/bcryptprimitives.dll" \
		"$WINE_TOOLS/bcryptprimitives.c" -ladvapi32 || return 1
	cp "$dir/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
}

# wine_teardown stops the prefix's processes and the Xvfb.
wine_teardown() {
	if [ -n "${WINEPREFIX:-}" ]; then
		timeout 30 wineserver -k 2>/dev/null || true
		timeout 30 wineserver -w 2>/dev/null || true
	fi
	wine_stop_x
}

#!/usr/bin/env bash
# The screenshots of docs/使用说明.md, taken from the real program under Xvfb
# (issue 7): `make screenshots`, or tools/screenshots/shoot.sh [xuncha].
#
# Builds the program (or uses the binary given), makes the city demo
# database with a 管理员 account in a work folder with its own HOME (a 文档
# folder, no remembered window size or folder), starts Xvfb on a free
# display at 1280×800, and for each screen runs `xuncha --db F --screen
# NAME[/BUTTON…]`, signs in by typing (xdotool), waits until the picture
# stops changing, writes docs/img/<name>.png and ends the program. The
# import dialog is shown with a workbook that has mistakes, chosen in the
# file dialog by a click and Enter; the person form by double-clicking the first
# row of 人员库 (and of P00095, who has a tie, for 社会关系); a past round's
# 鉴定 through 巡察日历 › 列表 › 打开; the draw, 为何不在此组 and the override request and its
# approval (by a 领导 account) by clicks and typing; 核验抽取记录 with a
# record drawn by the command line; the 待办 list a 领导 sees at sign-in, a
# 领域's units in 总览, a date field's calendar, a picker's matches, the
# message after an export and the user guide (F1). The clicks are at
# positions of the 1280×800 window: when a screen's layout changes, check
# the pictures and the positions here. Idempotent: the work folder is made
# anew each time. Exits non-zero when a step fails or a picture is blank
# (one flat colour), keeping the old picture.
#
# Environment: XUNCHA_SHOTS_OUT (default docs/img), XUNCHA_SHOTS_DIR (work
# folder, default /tmp/xuncha-shots), XUNCHA_SHOTS_ONLY="people assign"
# (only these pictures), XUNCHA_SHOTS_SIZE=1024x700 (another screen, to
# check that every screen fits it: the plain screens only, since the
# clicks are at positions of 1280×800; `make screenshots-check` takes
# them at 1366×768 and 1024×700 into /tmp). The documents' pictures
# (paper-*.png, stats-pdf.png) are their PDFs' first pages, made by xuncha
# doc and xuncha stats and rendered by pdftoppm.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${XUNCHA_SHOTS_OUT:-$root/docs/img}
work=${XUNCHA_SHOTS_DIR:-/tmp/xuncha-shots}
only=${XUNCHA_SHOTS_ONLY:-}
size=${XUNCHA_SHOTS_SIZE:-1280x800}
title=巡察统筹
user=admin
pass=shots-pass-1

# The Debian packages the script needs, installed when missing (as root or
# through sudo).
missing=""
for t in Xvfb:xvfb xdotool:xdotool import:imagemagick compare:imagemagick identify:imagemagick; do
	command -v "${t%%:*}" >/dev/null || [[ " $missing " == *" ${t#*:} "* ]] || missing="$missing ${t#*:}"
done
if [ -n "$missing" ]; then
	echo "安装 (installing):$missing"
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null ||
		{ echo "无法安装 (cannot install):$missing" >&2; exit 2; }
fi

case $work in /tmp/*) ;; *) echo "XUNCHA_SHOTS_DIR 应在 /tmp 下 (must be under /tmp): $work" >&2; exit 2 ;; esac
rm -rf "$work"
mkdir -p "$work/home/文档" "$work/run" "$work/数据" "$out"
chmod 700 "$work/run"
log=$work/program.log

# Built before HOME changes: the Go caches stay where they are.
if [ -n "${1:-}" ]; then
	bin=$(realpath "$1")
else
	echo "=== 构建 (build) ==="
	(cd "$root" && go build -o "$work/xuncha" .)
	bin=$work/xuncha
fi
# The program sees a home of its own: a 文档 folder, no preferences yet.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/run

xvfb_pid="" prog=""
cleanup() {
	[ -n "$prog" ] && kill "$prog" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

n=70
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do
	n=$((n + 1))
	[ $n -lt 100 ] || { echo "没有空闲的显示号 (no free display)" >&2; exit 1; }
done
Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=:$n
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

echo "=== 演示数据与管理员账户 (demo data, 管理员) ==="
db=$work/数据/xuncha.db
"$bin" demo --db "$db" >"$work/demo.out"
head -1 "$work/demo.out"
XUNCHA_NEW_PASSWORD=$pass "$bin" user add --db "$db" --name "$user" --role 管理员
# A workbook with mistakes for the import dialog, in 文档 where the file
# dialog starts.
printf '\xef\xbb\xbf人员编号,姓名,工作关系地,人员库,专业特长,身份证号\r\nP09001,赵新,C01,工作人员库,财务,\r\nP09002,,C01,工作人员库,,\r\nP09003,钱进,C99,组长库,,\r\nP09004,孙立,C02,专家库,唱歌,110105198001010020\r\n' >"$HOME/文档/人员.csv"

failed=0
fail() { echo "  ✗ $1" >&2; failed=$((failed + 1)); }
wanted() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }
# clicked: the pictures made by clicking at positions, which are those of
# the 1280×800 window.
clicked() { [ "$size" = 1280x800 ] && wanted "$1"; }

# start ARGS…: runs the program and waits for its window.
start() {
	"$bin" "$@" >>"$log" 2>&1 &
	prog=$!
	timeout 30 xdotool search --sync --name "$title" >/dev/null || { fail "窗口未出现 (no window): $*"; return 1; }
}

# stop ends the program.
stop() {
	[ -n "$prog" ] || return 0
	kill "$prog" 2>/dev/null || true
	wait "$prog" 2>/dev/null || true
	prog=""
}

# settle waits until two pictures a second apart differ in fewer than 400
# pixels (a blinking cursor, not a progress bar), at most 90 seconds.
settle() {
	local a=$work/settle-a.png b=$work/settle-b.png diff
	import -window root "$a"
	for _ in $(seq 90); do
		sleep 1
		import -window root "$b"
		diff=$(compare -metric AE "$a" "$b" null: 2>&1 | awk '{ printf "%d", $1 }' || true)
		[ "${diff:-999999}" -lt 400 ] 2>/dev/null && return 0
		mv "$b" "$a"
	done
	echo "  (画面未稳定 / picture still changing)" >&2
}

# login [NAME PASSWORD ROLE] types the account (the 管理员 by default) and
# waits for the screens (the title names the user and role).
login() {
	settle
	xdotool type --delay 30 "${1:-$user}"
	xdotool key Tab
	xdotool type --delay 30 "${2:-$pass}"
	xdotool key Return
	timeout 30 xdotool search --sync --name "（${3:-管理员}）" >/dev/null || { fail "登录失败 (login failed)"; return 1; }
}

# shot NAME: the window as docs/img/NAME.png; a blank picture is refused
# and leaves the old one in place.
shot() {
	settle
	import -window root "$work/shot.png"
	local colours
	colours=$(identify -format %k "$work/shot.png")
	if [ "$colours" -lt 16 ]; then
		fail "$1.png 为空白画面（$colours 种颜色）(blank)"
		return 1
	fi
	mv "$work/shot.png" "$out/$1.png"
	echo "  ✓ $1.png（$colours 种颜色）"
}

# screen NAME SPEC: signs in, opens the screen SPEC and takes NAME.png.
screen() {
	wanted "$1" || return 0
	start --db "$db" --screen "$2" && login && shot "$1" || true
	stop
}

echo "=== 截图 (screenshots) → $out ==="
if wanted first-start; then # no database yet: 首次使用
	start && shot first-start || true
	stop
fi
if wanted first-admin; then # a new database: the first 管理员
	start --db "$work/数据/新建.db" && shot first-admin || true
	stop
fi
if wanted login; then
	start --db "$db" && shot login || true
	stop
fi
screen overview 总览
screen calendar 巡察日历
screen people 人员库
screen poolstats 人员库统计
screen units 单位
screen assign 编组/自动编组
screen recusal 回避报告
screen settings 设置
screen audit 审计日志
screen backup 数据备份
screen users 用户管理
screen package 总览/数据包导出
screen supervise 督办
screen stats 统计
if clicked settings-papers; then # 设置, the tab 文书模板
	if start --db "$db" --screen 设置 && login; then
		settle
		xdotool mousemove 660 68 click 1
		sleep 1
		shot settings-papers || true
	fi
	stop
fi
if clicked papers; then # 成果: the second unit of round 2026-1, its 文书…
	if start --db "$db" --screen 成果 && login; then
		settle
		xdotool mousemove 300 190 click 1
		sleep 1
		xdotool mousemove 1006 128 click 1
		sleep 2
		shot papers || true
	fi
	stop
fi
# The documents themselves: the first page of each kind's PDF of round
# 2026-1 (its 督办通知 as of the demo's day), and the statistics report.
if clicked papers-pdf; then
	pdfs=$work/文书
	# signed in as the 管理员 (the database has users by now)
	if XUNCHA_PASSWORD=$pass "$bin" doc --db "$db" --user "$user" --round 2026-1 --today 2026-11-21 --pdf --out "$pdfs" >/dev/null &&
		XUNCHA_PASSWORD=$pass "$bin" stats --db "$db" --user "$user" --term T15 --year 2026 --today 2026-11-21 --pdf "$pdfs/统计.pdf" --report "$pdfs/年度汇报.docx" >/dev/null; then
		for k in 巡察公告:paper-notice 关于成立巡察组的通知:paper-found 回避告知书及回避事项申报表:paper-inform \
			巡察反馈意见:paper-feedback 整改通知书:paper-rectify 问题线索移交函:paper-handover 巡察人员鉴定表:paper-appraise 督办通知:paper-urge; do
			f=$(ls "$pdfs/${k%%:*}"/*.pdf | head -1)
			pages=1
			[ "${k#*:}" = paper-inform ] && pages=3 # the 告知书 and its 申报表
			pdftoppm -r 60 -png -f 1 -l $pages "$f" "$work/${k#*:}" && convert "$work/${k#*:}"-*.png +append "$out/${k#*:}.png" &&
				echo "  ✓ ${k#*:}.png" || fail "${k#*:}.png"
			rm -f "$work/${k#*:}"-*.png
		done
		pdftoppm -r 60 -png -f 1 -l 1 "$pdfs/统计.pdf" "$work/stats-pdf" && mv "$work"/stats-pdf-*.png "$out/stats-pdf.png" &&
			echo "  ✓ stats-pdf.png" || fail stats-pdf.png
	else
		fail "文书 (doc, stats)"
	fi
fi
if clicked results; then # 成果: the second unit of round 2026-1, its first item chosen
	if start --db "$db" --screen 成果 && login; then
		settle
		xdotool mousemove 300 190 click 1
		sleep 1
		xdotool mousemove 900 465 click 1
		sleep 1
		shot results || true
	fi
	stop
fi
if clicked overview-results; then # 总览, the tab 整改台账
	if start --db "$db" --screen 总览 && login; then
		settle
		xdotool mousemove 1110 307 click 1
		sleep 1
		shot overview-results || true
	fi
	stop
fi
if clicked round-milestones; then # 巡察日历 → 列表 → 2026-1 → 打开 → 节点 (本轮)
	if start --db "$db" --screen 巡察日历 && login; then
		settle
		xdotool mousemove 353 149 click 1
		sleep 1
		xdotool mousemove 300 347 click 1
		sleep 0.5
		xdotool mousemove 170 189 click 1
		sleep 2
		xdotool mousemove 421 123 click 1 # the tab 节点 (the round form fills the window's height)
		sleep 1
		shot round-milestones || true
	fi
	stop
fi
screen plan 巡察规划
if clicked calendar-timeline; then # 巡察日历, the tab 时间轴: linked rounds side by side
	if start --db "$db" --screen 巡察日历 && login; then
		settle
		xdotool mousemove 262 149 click 1
		sleep 1
		shot calendar-timeline || true
	fi
	stop
fi
if clicked overview-sectors; then # 总览, the tab 板块轮动 beside the charts
	if start --db "$db" --screen 总览 && login; then
		settle
		xdotool mousemove 240 307 click 1
		sleep 1
		shot overview-sectors || true
	fi
	stop
fi
if clicked round; then # 巡察日历: a click on the bar of round 2026-S2 (the city's 巡审联动 round) opens it
	if start --db "$db" --screen 巡察日历 && login; then
		settle
		xdotool mousemove 700 402 click 1 # the second week's bar
		sleep 1
		shot round || true
	fi
	stop
fi
if clicked eval; then # 巡察日历 › 列表: open round 2026-1, its tab 鉴定
	if start --db "$db" --screen 巡察日历 && login; then
		settle
		xdotool mousemove 343 149 click 1 # the tab 列表
		sleep 1
		xdotool mousemove 400 346 click 1 # the row of 2026-1
		sleep 1
		xdotool mousemove 170 189 click 1 # 打开
		sleep 1
		xdotool mousemove 374 123 click 1 # the tab 鉴定
		sleep 1
		shot eval || true
	fi
	stop
fi
if clicked settings-assign; then # 设置, the tab 编组
	if start --db "$db" --screen 设置 && login; then
		settle
		xdotool mousemove 380 68 click 1
		sleep 1
		shot settings-assign || true
	fi
	stop
fi
if clicked settings-experience; then # 设置, the tab 经验与轮换
	if start --db "$db" --screen 设置 && login; then
		settle
		xdotool mousemove 465 68 click 1
		sleep 1
		shot settings-experience || true
	fi
	stop
fi
if clicked poolstats-owing; then # 人员库统计, the tab 新提拔待参加巡察
	if start --db "$db" --screen 人员库统计 && login; then
		settle
		xdotool mousemove 360 247 click 1
		sleep 1
		shot poolstats-owing || true
	fi
	stop
fi
if clicked assign-suggest; then # 编组 › 自动编组, the first 成员 of the first team, 候选替换…
	if start --db "$db" --screen 编组/自动编组 && login; then
		settle
		xdotool mousemove 560 613 click 1
		sleep 1
		xdotool mousemove 1080 335 click 1
		sleep 1
		shot assign-suggest || true
	fi
	stop
fi
if clicked person; then # double-click the first row of 人员库
	if start --db "$db" --screen 人员库 && login; then
		settle
		xdotool mousemove 400 186 click --repeat 2 --delay 120 1
		sleep 1
		shot person || true
		xdotool mousemove 313 131 click 1 # the tab 亲属关系
		sleep 1
		shot person-relatives || true
		xdotool mousemove 694 131 click 1 # the tab 状态历史
		sleep 1
		shot person-history || true
	fi
	stop
fi
if clicked person-ties; then # a person with a tie (P00095 of the demo): the tab 社会关系
	if start --db "$db" --screen 人员库 && login; then
		settle
		xdotool key ctrl+f # the search box
		sleep 0.3
		xdotool type --delay 60 P00095
		sleep 1
		xdotool mousemove 400 186 click --repeat 2 --delay 120 1
		sleep 1
		xdotool mousemove 389 131 click 1 # the tab 社会关系
		sleep 1
		shot person-ties || true
	fi
	stop
fi
if clicked import; then # the file dialog (starts in 文档), then the result
	if start --db "$db" --screen 总览/导入工作簿/选择文件…/开始导入 && login; then
		shot file-dialog || true
		# The only file of 文档, first in the dialog's list; Enter opens it.
		xdotool mousemove 483 235 click 1
		sleep 0.5
		xdotool key Return
		sleep 1
		shot import || true
	fi
	stop
fi
if clicked why-not; then # 为何不在此组: a 城关区 person and the first team (城关区)
	if start --db "$db" --screen 编组/自动编组/为何不在此组… && login; then
		settle
		xdotool mousemove 660 261 click 1
		sleep 1
		xdotool type --delay 60 P00002
		sleep 0.5
		xdotool key Return # the match listed under the picker
		sleep 0.5
		xdotool mousemove 950 566 click 1 # 查询
		sleep 1
		shot why-not || true
	fi
	stop
fi
if clicked draw; then # the witnessed draw: the number read out, then the record
	if start --db "$db" --screen 编组/随机抽取… && login; then
		settle
		xdotool mousemove 700 427 click 1
		sleep 1
		xdotool type --delay 60 58213
		shot draw || true
		xdotool mousemove 886 467 click 1 # 开始抽取
		sleep 1
		shot draw-record || true
	fi
	stop
fi

if clicked draw-verify; then # 核验抽取记录: a record drawn from the command line, chosen in 文档
	XUNCHA_PASSWORD=$pass "$bin" assign --db "$db" --user "$user" --round 2026-2 --draw 58213 --record "$HOME/文档/抽取记录.json" >/dev/null
	if start --db "$db" --screen 编组/核验抽取记录… && login; then
		settle
		xdotool mousemove 483 235 click 1 # the only .json of 文档; Enter opens it
		sleep 0.5
		xdotool key Return
		sleep 2
		shot draw-verify || true
	fi
	stop
	rm -f "$HOME/文档/抽取记录.json"
fi

# An override is asked for by the 管理员 and opened by a 领导 with its
# evidence, made now; the 领导 signing in is shown the 待办 list first.
if clicked override-request || clicked override-approve || clicked todo; then
	XUNCHA_PASSWORD=$pass XUNCHA_NEW_PASSWORD=leader-pass-1 "$bin" user add --db "$db" --user "$user" --name leader --role 领导
	if start --db "$db" --screen 回避报告 && login; then
		settle
		xdotool mousemove 600 551 click 1 # the third row: an R2 (可豁免) of 刘晓英
		sleep 1
		xdotool mousemove 630 394 click 1 # 申请豁免
		sleep 1
		settle
		xdotool mousemove 640 395 click 1
		sleep 1
		xdotool type --delay 400 '仅有业务往来，经巡察办研究同意。'
		wanted override-request && { shot override-request || true; }
		xdotool mousemove 916 592 click 1 # 提交申请
		sleep 1
		settle
	fi
	stop
	if (wanted override-approve || wanted todo) && start --db "$db" --screen 回避报告 && login leader leader-pass-1 领导; then
		settle # a 领导 signing in is shown the 待办 list first
		wanted todo && { shot todo || true; }
		xdotool key Escape
		sleep 1
		xdotool mousemove 287 109 click 1 # the tab 豁免审批
		sleep 1
		settle
		xdotool mousemove 600 225 click --repeat 2 --delay 120 1 # the request, opened with its evidence
		sleep 1
		shot override-approve || true
	fi
	stop
fi

if clicked overview-units; then # 总览: a click on a 领域's bar lists its units
	if start --db "$db" --screen 总览 && login; then
		settle
		xdotool mousemove 330 599 click 1 # the bar of 教育 (按领域, between the categories and the counties)
		sleep 1
		shot overview-units || true
	fi
	stop
fi
if clicked date-picker; then # 新建轮次: the calendar of 进驻开始
	if start --db "$db" --screen 巡察日历/新建轮次 && login; then
		settle
		xdotool mousemove 876 232 click 1 # the calendar button of 进驻开始
		sleep 1
		shot date-picker || true
	fi
	stop
fi
if clicked picker; then # 新增人员: 现工作单位 lists its matches as the clerk types
	if start --db "$db" --screen 人员库/新增 && login; then
		settle
		xdotool mousemove 900 172 click 1 # 现工作单位
		sleep 0.5
		xdotool type --delay 200 cgq
		sleep 1
		shot picker || true
	fi
	stop
fi
if wanted exported; then # after an export: 打开文件, 打开所在文件夹
	if start --db "$db" --screen 总览/导出全部 && login; then
		settle
		xdotool key Return # the save dialog: 文档/全部数据.xlsx
		sleep 3
		shot exported || true
	fi
	stop
	rm -f "$HOME/文档/全部数据.xlsx"
fi
if wanted help; then # F1: the user guide at the section of the screen
	if start --db "$db" --screen 编组 && login; then
		settle
		xdotool key F1
		sleep 2
		settle
		# The guide's own window, on its own.
		hw=$(xdotool search --name "使用说明" | head -1)
		if [ -n "$hw" ] && import -window "$hw" "$work/shot.png" && [ "$(identify -format %k "$work/shot.png")" -ge 16 ]; then
			mv "$work/shot.png" "$out/help.png"
			echo "  ✓ help.png"
		else
			fail "help.png：未找到使用说明窗口 (no guide window)"
		fi
	fi
	stop
fi

rm -f "$work/settle-a.png" "$work/settle-b.png"
if [ $failed -gt 0 ]; then
	echo "$failed 项失败 (failed); 程序输出见 $log" >&2
	exit 1
fi
echo "完成 (done)"

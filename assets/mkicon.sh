#!/bin/sh
# Makes assets/icon.png (512×512): a red seal with the character 巡 in the
# embedded bold font. Needs ImageMagick. Run from the repository root after
# assets/mkfont.py.
set -e
cd "$(dirname "$0")"
/usr/bin/convert -size 512x512 xc:none \
	-fill '#b71c1c' -draw 'roundrectangle 16,16 495,495 56,56' \
	-fill none -stroke '#fdf3e7' -strokewidth 12 -draw 'roundrectangle 52,52 459,459 30,30' \
	-stroke none -fill '#fdf3e7' -font NotoSansSC-Bold.ttf -pointsize 330 \
	-gravity center -annotate +0-14 '巡' \
	-depth 8 -strip icon.png

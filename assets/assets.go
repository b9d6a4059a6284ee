// Package assets holds the files embedded in the program: the CJK font
// (a subset of Noto Sans CJK SC with TrueType outlines, serving both the
// window's theme and PDF export) and the application icon. Nothing is read
// from disk at run time. mkfont.py and mkicon.sh make these files; the
// font's license is OFL.txt.
package assets

import _ "embed"

// FontRegular is the regular weight of the embedded CJK font (TrueType).
//
//go:embed NotoSansSC-Regular.ttf
var FontRegular []byte

// FontBold is the bold weight of the embedded CJK font (TrueType).
//
//go:embed NotoSansSC-Bold.ttf
var FontBold []byte

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// FontLicense is the license of the embedded font (SIL OFL 1.1).
//
//go:embed OFL.txt
var FontLicense string

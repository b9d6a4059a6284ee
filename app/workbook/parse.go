package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"xuncha/app/civil"
	"xuncha/app/fieldrule"
)

// Dates outside these years are taken for typing mistakes.
const (
	minYear = civil.MinYear
	maxYear = civil.MaxYear
)

// ParseDate reads a date as a workbook cell holds it: an Excel date serial
// (46082, the 1900 date system), or any form civil.ParseWritten reads
// (2026-03-01, 2026/3/1, 2026年3月1日 …), which the window's date fields
// take too. The empty string is no date.
func ParseDate(s string) (civil.Date, error) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if isSerial(s) {
		return fromSerial(s)
	}
	return civil.ParseWritten(s)
}

// errDate is the error for a cell that is no date at all.
func errDate(s string) error { return civil.ErrWritten(s) }

// isSerial reports whether s looks like an Excel date serial: digits, at
// most 7 before an optional fraction (a time of day).
func isSerial(s string) bool {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 7 {
		return false
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return false
		}
	}
	// "2026.3.1" has two dots and is not a serial; "46082.5" is.
	return !strings.Contains(frac, ".")
}

// fromSerial converts an Excel serial of the 1900 date system. Excel counts
// 1900-02-29, which never was: serial 60 is refused, serials after it are
// one day late.
func fromSerial(s string) (civil.Date, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 1 {
		return 0, errDate(s)
	}
	n := int(math.Floor(f))
	if n == 60 {
		return 0, fmt.Errorf("日期“%s”是 Excel 的 1900-02-29，不存在", s)
	}
	base := time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	if n > 60 {
		base = base.AddDate(0, 0, -1)
	}
	t := base.AddDate(0, 0, n)
	if t.Year() > maxYear {
		return 0, fmt.Errorf("日期“%s”的年份 %d 不合理", s, t.Year())
	}
	return civil.FromTime(t), nil
}

// CheckIDNumber checks an 18-character citizen ID number (GB 11643); see
// fieldrule.CheckID, the rule every door shares.
func CheckIDNumber(s string) error { return fieldrule.CheckID(s) }

// parseYesNo reads a 是/否 cell; blank is 否.
func parseYesNo(s string) (bool, bool) {
	switch strings.ToUpper(s) {
	case "是", "Y", "YES", "TRUE", "1", "√":
		return true, true
	case "否", "", "N", "NO", "FALSE", "0", "×":
		return false, true
	}
	return false, false
}

// yesNo writes a flag as 是 or 否.
func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// cleanCell trims spaces of every kind (full-width included) and stray
// byte-order marks from a cell.
func cleanCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

// headerName reduces a header cell to its column name: spaces and a
// trailing * (the required mark) dropped.
func headerName(s string) string {
	s = cleanCell(s)
	s = strings.TrimRight(s, "*＊")
	return cleanCell(s)
}

// splitWords splits a cell of several words: 财务、审计, 财务,审计, 财务 审计.
func splitWords(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '/' || unicode.IsSpace(r)
	})
	return f
}

// inList reports whether w is one of words.
func inList(w string, words []string) bool { return indexOf(w, words) >= 0 }

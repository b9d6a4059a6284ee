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
	minYear = 1900
	maxYear = 2200
)

// ParseDate reads a date as clerks write it: 2026-03-01, 2026-3-1, 2026/3/1,
// 2026.3.1, 2026年3月1日, 20260301, an Excel date serial (46082, the 1900
// date system), or any of these followed by a time of day, which is dropped.
// The empty string is no date.
func ParseDate(s string) (civil.Date, error) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return 0, nil
	}
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i] // "2026-03-01 00:00:00", "2026-03-01T00:00:00Z"
	}
	if isSerial(s) {
		return fromSerial(s)
	}
	var parts []string
	switch {
	case strings.Contains(s, "年"):
		rest := strings.TrimSuffix(s, "日")
		rest = strings.TrimSuffix(rest, "号")
		y, rest, ok1 := strings.Cut(rest, "年")
		m, d, ok2 := strings.Cut(rest, "月")
		if !ok1 || !ok2 {
			return 0, errDate(s)
		}
		parts = []string{y, m, d}
	case strings.ContainsAny(s, "-/."):
		sep := s[strings.IndexAny(s, "-/.")]
		parts = strings.Split(s, string(sep))
		if len(parts) != 3 {
			return 0, errDate(s)
		}
	case len(s) == 8:
		parts = []string{s[:4], s[4:6], s[6:]}
	default:
		return 0, errDate(s)
	}
	return dateOf(s, parts)
}

// errDate is the error for a cell that is no date at all.
func errDate(s string) error {
	return fmt.Errorf("“%s”不是日期，应写作 2026-03-01", s)
}

// dateOf checks year, month and day and builds the date.
func dateOf(s string, parts []string) (civil.Date, error) {
	var n [3]int
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 4 {
			return 0, errDate(s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return 0, errDate(s)
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if y < minYear || y > maxYear {
		return 0, fmt.Errorf("日期“%s”的年份 %d 不合理", s, y)
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("日期“%s”不存在", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, fmt.Errorf("日期“%s”不存在", s)
	}
	return civil.FromTime(t), nil
}

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

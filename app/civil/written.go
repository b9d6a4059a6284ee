package civil

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Years outside these are taken for typing mistakes.
const (
	MinYear = 1900
	MaxYear = 2200
)

// ParseWritten reads a date as clerks write it, in a form or a workbook
// cell: 2026-03-01, 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日 (or 号),
// 20260301, any of these followed by a time of day, which is dropped. The
// empty string is no date. The window's date fields and the imports read
// dates through here, so they take the same forms (a workbook also takes
// Excel's date serials: workbook.ParseDate).
func ParseWritten(s string) (Date, error) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return 0, nil
	}
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i] // "2026-03-01 00:00:00", "2026-03-01T00:00:00Z"
	}
	var parts []string
	switch {
	case strings.Contains(s, "年"):
		rest := strings.TrimSuffix(s, "日")
		rest = strings.TrimSuffix(rest, "号")
		y, rest, ok1 := strings.Cut(rest, "年")
		m, d, ok2 := strings.Cut(rest, "月")
		if !ok1 || !ok2 {
			return 0, ErrWritten(s)
		}
		parts = []string{y, m, d}
	case strings.ContainsAny(s, "-/."):
		sep := s[strings.IndexAny(s, "-/.")]
		parts = strings.Split(s, string(sep))
		if len(parts) != 3 {
			return 0, ErrWritten(s)
		}
	case len(s) == 8:
		parts = []string{s[:4], s[4:6], s[6:]}
	default:
		return 0, ErrWritten(s)
	}
	return ofParts(s, parts)
}

// ErrWritten is the error for a text that is no date at all.
func ErrWritten(s string) error {
	return fmt.Errorf("“%s”不是日期，应写作 2026-03-01", s)
}

// ofParts checks year, month and day and builds the date.
func ofParts(s string, parts []string) (Date, error) {
	var n [3]int
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 4 {
			return 0, ErrWritten(s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return 0, ErrWritten(s)
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if y < MinYear || y > MaxYear {
		return 0, fmt.Errorf("日期“%s”的年份 %d 不合理", s, y)
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("日期“%s”不存在", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, fmt.Errorf("日期“%s”不存在", s)
	}
	return FromTime(t), nil
}

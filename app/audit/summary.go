package audit

import (
	"strings"
	"unicode/utf8"
)

// summaryLimit is the longest line Ledger writes, in characters.
const summaryLimit = 160

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clipRunes cuts s to n characters, with "…" when it was longer.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

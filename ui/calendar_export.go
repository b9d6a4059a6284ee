package ui

import (
	"strings"

	"fyne.io/fyne/v2"
)

// saveWorkbookAs asks where to save an xlsx file named name, writes it
// with write under a busy dialog and says done with the path when it is
// written.
func saveWorkbookAs(w fyne.Window, name string, write func(path string) error, done string) {
	saveXLSX(w, name, write, done)
}

// safeFileName replaces the characters a file name cannot hold.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
}

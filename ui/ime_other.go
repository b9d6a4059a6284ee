//go:build !windows

package ui

import "fyne.io/fyne/v2"

// followCaret does nothing outside Windows: the input methods of Linux
// desktops ask the window system where the caret is themselves.
func followCaret(fyne.Window) {}

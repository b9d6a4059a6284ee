package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// dialogMargin is what a dialog leaves free around it in the window.
const dialogMargin = 24

// fitDialog sizes d to want, but never past the window (less a margin),
// so that a form made for a wide screen still fits a window of 1024×700;
// its content scrolls or wraps inside.
func fitDialog(d dialog.Dialog, win fyne.Window, want fyne.Size) {
	d.Resize(fitSize(want, win.Canvas().Size()))
}

// fitSize is want within room less the margins; a window not laid out
// yet (size zero) leaves want as it is.
func fitSize(want, room fyne.Size) fyne.Size {
	if room.Width > 0 {
		want.Width = min(want.Width, room.Width-2*dialogMargin)
	}
	if room.Height > 0 {
		want.Height = min(want.Height, room.Height-2*dialogMargin)
	}
	return want
}

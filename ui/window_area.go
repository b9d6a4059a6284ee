package ui

// The window opens inside the screen's work area (SPEC §13.4): on a
// 1366×768 screen whose taskbar takes 40 pixels, its title bar, toolbar and
// status bar are all on the screen. The work area (the screen less the
// taskbar and docked panels) and the size of the window's frame come from
// the system (window_area_windows.go; window_area_other.go elsewhere);
// fitWindow, here, does the arithmetic.

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// screenArea is a rectangle of the screen in pixels.
type screenArea struct{ X, Y, W, H int }

// frameInsets is how far a window's frame (title bar, borders) reaches
// beyond its content, in pixels.
type frameInsets struct{ Left, Top, Right, Bottom int }

// fitWindow places a window whose content wants want pixels in area: the
// content as large as wanted but no larger than the area less the frame,
// centred, with the frame inside the area (never above its top, where the
// title bar could not be reached). It returns the content's top-left
// corner and size, in pixels.
func fitWindow(area screenArea, frame frameInsets, want image.Point) (pos, size image.Point) {
	roomW := area.W - frame.Left - frame.Right
	roomH := area.H - frame.Top - frame.Bottom
	size = image.Pt(max(1, min(want.X, roomW)), max(1, min(want.Y, roomH)))
	pos.X = area.X + frame.Left + max(0, (roomW-size.X)/2)
	pos.Y = area.Y + frame.Top + max(0, (roomH-size.Y)/2)
	return pos, size
}

// placeWindow sizes w to want (Fyne's units) within the screen's work area
// and moves it there, once the window is made (after Show: its scale is
// known then). Without a work area (no display information) it leaves the
// window where the system put it, centred.
func placeWindow(w fyne.Window, want fyne.Size) {
	area, frame, ok := workArea()
	if !ok {
		w.Resize(want)
		w.CenterOnScreen()
		return
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	px := image.Pt(int(want.Width*scale), int(want.Height*scale))
	pos, size := fitWindow(area, frame, px)
	w.Resize(fyne.NewSize(float32(size.X)/scale, float32(size.Y)/scale))
	if d, ok := w.(desktop.Window); ok {
		d.RequestPosition(pos.X, pos.Y)
	}
}

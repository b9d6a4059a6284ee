package ui

import (
	"image"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	imm32                       = windows.NewLazySystemDLL("imm32.dll")
	procImmGetContext           = imm32.NewProc("ImmGetContext")
	procImmReleaseContext       = imm32.NewProc("ImmReleaseContext")
	procImmSetCompositionWindow = imm32.NewProc("ImmSetCompositionWindow")
	procImmSetCandidateWindow   = imm32.NewProc("ImmSetCandidateWindow")
)

// imm32's styles of the composition and candidate forms.
const (
	cfsPoint   = 0x0002 // CFS_POINT: the composition starts at ptCurrentPos
	cfsExclude = 0x0080 // CFS_EXCLUDE: candidates near ptCurrentPos, not over rcArea
)

// point and rect are Windows' POINT and RECT.
type (
	point struct{ X, Y int32 }
	rect  struct{ Left, Top, Right, Bottom int32 }
)

// compositionForm is imm32's COMPOSITIONFORM.
type compositionForm struct {
	Style uint32
	Pos   point
	Area  rect
}

// candidateForm is imm32's CANDIDATEFORM.
type candidateForm struct {
	Index, Style uint32
	Pos          point
	Area         rect
}

// caretPoll is how often the caret's place is looked at.
const caretPoll = 120 * time.Millisecond

// followCaret keeps the input method's windows at the caret of the focused
// entry of w: every caretPoll, on the window's thread, when the caret has
// moved, the window's input context is told (ImmSetCompositionWindow at
// the caret, ImmSetCandidateWindow under its line). Coordinates are the
// client area's, in pixels.
func followCaret(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	var last image.Rectangle
	go func() {
		for range time.Tick(caretPoll) {
			fyne.Do(func() {
				line, ok := entryCaret(w.Canvas(), focusedEntry(w.Canvas()))
				if !ok || line == last {
					return
				}
				last = line
				nw.RunNative(func(ctx any) {
					if wc, ok := ctx.(driver.WindowsWindowContext); ok && wc.HWND != 0 {
						placeIME(wc.HWND, line)
					}
				})
			})
		}
	}()
}

// placeIME tells the input context of window hwnd where the caret's line
// is.
func placeIME(hwnd uintptr, line image.Rectangle) {
	himc, _, _ := procImmGetContext.Call(hwnd)
	if himc == 0 {
		return
	}
	defer procImmReleaseContext.Call(hwnd, himc)
	area := rect{int32(line.Min.X), int32(line.Min.Y), int32(line.Max.X), int32(line.Max.Y)}
	comp := compositionForm{Style: cfsPoint, Pos: point{int32(line.Min.X), int32(line.Min.Y)}, Area: area}
	procImmSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&comp)))
	cand := candidateForm{Index: 0, Style: cfsExclude, Pos: point{int32(line.Min.X), int32(line.Max.Y)}, Area: area}
	procImmSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&cand)))
}

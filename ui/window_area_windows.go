package ui

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	procMonitorFromPoint = user32.NewProc("MonitorFromPoint")
	procGetMonitorInfoW  = user32.NewProc("GetMonitorInfoW")
	procGetSystemMetrics = user32.NewProc("GetSystemMetrics")
)

// monitorInfo is Windows' MONITORINFO.
type monitorInfo struct {
	Size    uint32
	Monitor windows.Rect
	Work    windows.Rect
	Flags   uint32
}

// System metrics of a window's frame (GetSystemMetrics).
const (
	smCXSizeFrame     = 32
	smCYSizeFrame     = 33
	smCYCaption       = 4
	smCXPaddedBorder  = 92
	monitorToPrimary  = 1 // MONITOR_DEFAULTTOPRIMARY
	defaultFrameGuess = 8
)

// workArea is the work area of the primary monitor (the screen less the
// taskbar and docked bars, GetMonitorInfo's rcWork) and the frame of a
// normal window (title bar and sizing borders, GetSystemMetrics), in
// pixels.
func workArea() (screenArea, frameInsets, bool) {
	mon, _, _ := procMonitorFromPoint.Call(0, monitorToPrimary)
	if mon == 0 {
		return screenArea{}, frameInsets{}, false
	}
	mi := monitorInfo{Size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if r, _, _ := procGetMonitorInfoW.Call(mon, uintptr(unsafe.Pointer(&mi))); r == 0 {
		return screenArea{}, frameInsets{}, false
	}
	wk := mi.Work
	area := screenArea{int(wk.Left), int(wk.Top), int(wk.Right - wk.Left), int(wk.Bottom - wk.Top)}
	metric := func(i uintptr) int {
		v, _, _ := procGetSystemMetrics.Call(i)
		return int(int32(v))
	}
	side := metric(smCXSizeFrame) + metric(smCXPaddedBorder)
	if side <= 0 {
		side = defaultFrameGuess
	}
	top := metric(smCYCaption) + metric(smCYSizeFrame) + metric(smCXPaddedBorder)
	return area, frameInsets{Left: side, Top: top, Right: side, Bottom: side}, area.W > 0 && area.H > 0
}

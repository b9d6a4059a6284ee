//go:build !windows

package ui

import "github.com/go-gl/glfw/v3.4/glfw"

// workArea is the work area of the primary screen as GLFW reads it (the
// window system's _NET_WORKAREA on X11). GLFW is running once the window
// exists; the call is made on the window's thread. Window managers on
// Linux place their frame around the position asked for, so the frame
// counted is none.
func workArea() (screenArea, frameInsets, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return screenArea{}, frameInsets{}, false
	}
	x, y, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		return screenArea{}, frameInsets{}, false
	}
	return screenArea{x, y, w, h}, frameInsets{}, true
}

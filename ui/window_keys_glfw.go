package ui

// hookKeys puts the window's keys (window_keys.go) before Fyne's handling,
// which gives every key to the focused widget and lets an entry keep Esc,
// F1, F5 and Ctrl+S to itself. Fyne does not hand out its GLFW window, so
// the hook is a transparent one-pixel raster in the window: Fyne paints it
// on the window's thread with the window's OpenGL context current, where
// GLFW names the window; the raster then chains a key callback in front
// of Fyne's. A key the window does not take goes on to Fyne as before.

import (
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// hookKeys returns the raster that, once painted, sends the key presses
// handle knows to it first: handle reports whether it took the key.
// Under test there is no GLFW window: it returns an empty rectangle.
func hookKeys(handle func(*fyne.KeyEvent, fyne.KeyModifier) bool) fyne.CanvasObject {
	if testHookInline {
		return canvas.NewRectangle(color.Transparent)
	}
	var once sync.Once
	r := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() {
			if win := glfw.GetCurrentContext(); win != nil {
				chainKeys(win, handle)
			}
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	return r
}

// chainKeys puts handle in front of the window's key callback.
func chainKeys(win *glfw.Window, handle func(*fyne.KeyEvent, fyne.KeyModifier) bool) {
	var prev glfw.KeyCallback
	prev = win.SetKeyCallback(func(w *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		if action == glfw.Press {
			if name, mod, ok := windowKey(key, mods); ok && handle(&fyne.KeyEvent{Name: name}, mod) {
				return
			}
		}
		if prev != nil {
			prev(w, key, scancode, action, mods)
		}
	})
}

// glfwKeys are the keys the window answers, by GLFW's name.
var glfwKeys = map[glfw.Key]fyne.KeyName{
	glfw.KeyEscape: fyne.KeyEscape, glfw.KeyEnter: fyne.KeyReturn, glfw.KeyKPEnter: fyne.KeyEnter,
	glfw.KeyF1: fyne.KeyF1, glfw.KeyF5: fyne.KeyF5,
	glfw.KeyF: fyne.KeyF, glfw.KeyN: fyne.KeyN, glfw.KeyS: fyne.KeyS,
}

// windowKey translates a GLFW key press into Fyne's name and modifier,
// for the keys the window answers: Esc, Enter, F1 and F5 alone, F, N and S
// with Ctrl alone.
func windowKey(key glfw.Key, mods glfw.ModifierKey) (fyne.KeyName, fyne.KeyModifier, bool) {
	name, ok := glfwKeys[key]
	if !ok {
		return "", 0, false
	}
	mods &= glfw.ModShift | glfw.ModControl | glfw.ModAlt | glfw.ModSuper // not Caps Lock, Num Lock
	letter := key == glfw.KeyF || key == glfw.KeyN || key == glfw.KeyS
	switch {
	case letter && mods == glfw.ModControl:
		return name, fyne.KeyModifierControl, true
	case !letter && mods == 0:
		return name, 0, true
	}
	return "", 0, false
}

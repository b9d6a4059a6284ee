package ui

// The window needs OpenGL 2.1. On a machine without it (a remote or virtual
// desktop, a PC without its graphics driver) Fyne cannot make the window.
// Either GLFW reports a platform error about the OpenGL context, which
// go-gl/glfw only logs, and Fyne then waits for ever without a window; or
// Fyne logs "window creation error" and quits. Both go to the standard
// logger, and a GUI program's log goes nowhere, so the clerk sees nothing
// happen. glWatch reads that log, and on the words of such a failure tells
// the clerk in a message what happened and what to do.

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
)

// glReasons are the reasons Fyne (v2.8) gives to fyne.LogError when no
// OpenGL window can be made: GLFW did not start, the window and its context
// could not be created, or the OpenGL functions could not be loaded.
var glReasons = []string{"failed to initialise GLFW", "window creation error", "failed to initialise OpenGL"}

// harmless are the reasons of Fyne's log records that say nothing a clerk
// or an administrator needs, and alarm newcomers: no desktop bus to watch
// the system's light or dark theme (a session without D-Bus), and the
// preferences file read while Fyne itself rewrites it. Such a record (its
// reason, Cause and At lines) is left out of the log.
var harmless = []string{"failed to watch theme settings", "Preferences load error"}

// glPlatform are the GLFW platform errors (logged by go-gl/glfw as
// "PlatformError: WGL: …") that mean no OpenGL context can be made: the
// context APIs' prefixes and words of their failures while creating one.
// "Failed to make context current" alone is left out: it can come later.
var (
	glAPIs     = []string{"WGL:", "GLX:", "EGL:"}
	glPlatform = []string{"pixel format", "create", "GLX extension", "FBConfig", "EGLConfig", "opengl32", "version", "not support", "Failed to load"}
)

// watchGLStart sends the standard log through glWatch: Run installs it
// before Fyne starts, so that a failure to make the window is told to the
// clerk.
func watchGLStart() {
	log.SetOutput(&glWatch{out: stderr, fail: glFailed})
}

// stderr is the current standard error (main_windows.go replaces it when
// it attaches a console).
func stderr() io.Writer { return os.Stderr }

// glWatch passes the log on to out and calls fail when Fyne reports that it
// could not make an OpenGL window. The standard logger writes one record
// per Write: fyne.LogError writes its reason, then "Cause: …", then "At: …".
type glWatch struct {
	out  func() io.Writer
	fail func(reason, cause string)

	mu       sync.Mutex
	reason   string // the failure whose cause comes next
	dropping bool   // the lines of a harmless record are being left out
}

// Write implements io.Writer for the standard logger.
func (w *glWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	line := string(p)
	if w.quiet(line) {
		return len(p), nil
	}
	_, _ = w.out().Write(p) // a GUI program on Windows may have no stderr
	if w.reason != "" {
		reason, cause := w.reason, ""
		if _, c, ok := strings.Cut(line, "Cause:"); ok {
			cause = strings.TrimSpace(c)
		}
		w.reason = ""
		w.fail(reason, cause)
		return len(p), nil
	}
	if strings.Contains(line, "Fyne error:") {
		for _, r := range glReasons {
			if strings.Contains(line, r) {
				w.reason = r
			}
		}
	}
	if _, desc, ok := strings.Cut(line, "PlatformError: "); ok && glContextError(desc) {
		w.fail("PlatformError", strings.TrimSpace(desc))
	}
	return len(p), nil
}

// quiet reports whether line belongs to a harmless record: its first
// line, or the Cause and At lines after it.
func (w *glWatch) quiet(line string) bool {
	if strings.Contains(line, "Fyne error:") {
		w.dropping = false
		for _, h := range harmless {
			if strings.Contains(line, h) {
				w.dropping = true
			}
		}
		return w.dropping
	}
	if w.dropping && (strings.Contains(line, "  Cause:") || strings.Contains(line, "  At:")) {
		return true
	}
	w.dropping = false
	return false
}

// glContextError reports whether a GLFW platform error says that no OpenGL
// context can be made.
func glContextError(desc string) bool {
	api := false
	for _, a := range glAPIs {
		api = api || strings.HasPrefix(desc, a)
	}
	if !api {
		return false
	}
	for _, w := range glPlatform {
		if strings.Contains(desc, w) {
			return true
		}
	}
	return false
}

// glMessage is what the clerk reads when the window cannot start.
func glMessage(reason, cause string) string {
	detail := reason
	if cause != "" {
		detail += ": " + cause
	}
	return fmt.Sprintf("巡察统筹无法打开窗口：这台电脑没有可用的图形显示或 OpenGL 2.1 图形驱动。\n"+
		"远程桌面、虚拟桌面（云桌面）和没有安装显卡驱动的电脑常有这种情况。\n\n"+
		"请这样处理：\n%s\n\n"+
		"The window needs OpenGL 2.1, which this computer does not provide.\n"+
		"技术原因 (cause): %s", glHelp, detail)
}

// glFailed tells the clerk that the window cannot start, and exits.
func glFailed(reason, cause string) {
	showFatal("巡察统筹 — 无法打开窗口", glMessage(reason, cause))
	os.Exit(1)
}

package ui

import (
	"bytes"
	"io"
	"log"
	"strings"
	"testing"
)

// TestGLWatch feeds glWatch the log that Fyne writes at start and checks
// which failures it reports and that every line still reaches the log.
func TestGLWatch(t *testing.T) {
	cases := []struct {
		name  string
		log   func(l *log.Logger)
		fails []string // "reason|cause" per call of fail
	}{
		{"无 GLX 扩展的远程会话", func(l *log.Logger) {
			l.Println("Fyne error: ", "window creation error")
			l.Println("  Cause:", "GLX: GLX extension not found")
			l.Printf("  At: %s:%d", "window_desktop.go", 840)
		}, []string{"window creation error|GLX: GLX extension not found"}},
		{"只有 OpenGL 1.1 的虚拟显卡", func(l *log.Logger) {
			l.Println("Fyne error: ", "window creation error")
			l.Println("  Cause:", "WGL: OpenGL version 2.1 requested but 1.1 received")
			l.Printf("  At: %s:%d", "window_desktop.go", 840)
		}, []string{"window creation error|WGL: OpenGL version 2.1 requested but 1.1 received"}},
		{"GLFW 无法启动且没有原因", func(l *log.Logger) {
			l.Println("Fyne error: ", "failed to initialise GLFW")
			l.Printf("  At: %s:%d", "loop_desktop.go", 29)
		}, []string{"failed to initialise GLFW|"}},
		{"OpenGL 函数无法加载", func(l *log.Logger) {
			l.Println("Fyne error: ", "failed to initialise OpenGL")
			l.Println("  Cause:", "glGetString not found")
		}, []string{"failed to initialise OpenGL|glGetString not found"}},
		{"Wine 无 GLX：虚拟桌面没有像素格式", func(l *log.Logger) {
			l.Println("PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle.")
		}, []string{"PlatformError|WGL: Failed to set pixel format for dummy context: Invalid window handle."}},
		{"Linux 远程会话无 GLX", func(l *log.Logger) {
			l.Println("PlatformError: GLX: GLX extension not found")
		}, []string{"PlatformError|GLX: GLX extension not found"}},
		{"运行中切换上下文失败不算启动失败", func(l *log.Logger) {
			l.Println("PlatformError: WGL: Failed to make context current: The handle is invalid.")
		}, nil},
		{"剪贴板平台错误不算", func(l *log.Logger) {
			l.Println("PlatformError: X11: Failed to create clipboard window")
		}, nil},
		{"其他 Fyne 错误照常记录", func(l *log.Logger) {
			l.Println("Fyne error: ", "Failed to load user preferences")
			l.Println("  Cause:", "open preferences.json: no such file")
			l.Printf("  At: %s:%d", "preferences.go", 40)
		}, nil},
		{"没有 D-Bus 时主题监视失败，不记录", func(l *log.Logger) {
			l.Println("Fyne error: ", "failed to watch theme settings")
			l.Println("  Cause:", `exec: "dbus-launch": executable file not found in $PATH`)
			l.Printf("  At: %s:%d", "app_xdg.go", 152)
		}, nil},
		{"普通日志", func(l *log.Logger) {
			l.Println("已打开数据库 window creation error 字样出现在普通日志里")
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			var got []string
			w := &glWatch{out: func() io.Writer { return &out }, fail: func(reason, cause string) {
				got = append(got, reason+"|"+cause)
			}}
			l := log.New(w, "", log.LstdFlags)
			c.log(l)
			if strings.Join(got, "\n") != strings.Join(c.fails, "\n") {
				t.Errorf("fail calls = %q, want %q", got, c.fails)
			}
			var want bytes.Buffer
			c.log(log.New(&want, "", 0))
			if strings.Contains(want.String(), "theme settings") {
				want.Reset() // harmless: left out
			}
			if n, m := strings.Count(out.String(), "\n"), strings.Count(want.String(), "\n"); n != m {
				t.Errorf("log passed on %d lines, want %d:\n%s", n, m, out.String())
			}
		})
	}
}

// TestGLMessage checks that the message names the cause and what to do.
func TestGLMessage(t *testing.T) {
	msg := glMessage("window creation error", "GLX: GLX extension not found")
	for _, want := range []string{"OpenGL 2.1", "请这样处理", glHelp, "window creation error: GLX: GLX extension not found"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

// Harmless records go, whole; the record after one is kept.
func TestGLWatchLeavesOutHarmless(t *testing.T) {
	var out bytes.Buffer
	w := &glWatch{out: func() io.Writer { return &out }, fail: func(string, string) {}}
	l := log.New(w, "", 0)
	l.Println("Fyne error: ", "Preferences load error:")
	l.Println("  Cause:", "EOF")
	l.Printf("  At: %s:%d", "preferences.go", 105)
	l.Println("Fyne error: ", "Failed to decode image")
	l.Println("  Cause:", "bad png")
	if got := out.String(); strings.Contains(got, "Preferences") || strings.Contains(got, "EOF") ||
		!strings.Contains(got, "Failed to decode image") || !strings.Contains(got, "bad png") {
		t.Errorf("log:\n%s", got)
	}
}

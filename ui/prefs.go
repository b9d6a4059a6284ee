package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// What the window remembers between runs, in Fyne's preferences of the
// app ID (Windows: %APPDATA%\fyne\cn.xuncha.desktop\preferences.json).
// Nothing here is data: losing the file only loses the window's habits.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefLastFolder   = "files.lastFolder"

	// fyneLastFolder is where Fyne's own file dialogs keep the folder
	// shown last (a file:// URI); seeded so that a dialog opened without
	// fileDialog starts in 文档 too.
	fyneLastFolder = "fyne:fileDialogLastFolder"
)

// The smallest window size restored: every screen fits in it.
const (
	minWindowWidth  = 1024
	minWindowHeight = 700
)

// savedWindowSize is the window size of the last run (1280×800 the first
// time), never smaller than 1024×700.
func savedWindowSize(p fyne.Preferences) fyne.Size {
	w := p.FloatWithFallback(prefWindowWidth, windowWidth)
	h := p.FloatWithFallback(prefWindowHeight, windowHeight)
	return fyne.NewSize(float32(max(w, minWindowWidth)), float32(max(h, minWindowHeight)))
}

// rememberWindowSize keeps the window's size for the next run; a window
// not shown yet (size zero) leaves the last one.
func rememberWindowSize(p fyne.Preferences, s fyne.Size) {
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// documentsDir is where file dialogs start the first time: the Documents
// known folder on Windows (文档); elsewhere ~/Documents or ~/文档 when
// there is one; else the home folder; "" when there is no home.
func documentsDir() string {
	if d := systemDocumentsDir(); isDir(d) {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil || !isDir(home) {
		return ""
	}
	for _, name := range []string{"Documents", "文档", "My Documents"} {
		if p := filepath.Join(home, name); isDir(p) {
			return p
		}
	}
	return home
}

// startFolder is where a file dialog starts: the folder used last while it
// still exists, else the Documents folder.
func startFolder(p fyne.Preferences) string {
	if d := p.String(prefLastFolder); isDir(d) {
		return d
	}
	return documentsDir()
}

// rememberFolder makes dir the folder the next file dialog starts in.
func rememberFolder(p fyne.Preferences, dir string) {
	if isDir(dir) {
		p.SetString(prefLastFolder, dir)
	}
}

// seedDialogFolder makes Fyne's own dialogs start in the Documents folder
// until they have been used.
func seedDialogFolder(p fyne.Preferences) {
	if p.String(fyneLastFolder) != "" {
		return
	}
	if d := documentsDir(); d != "" {
		p.SetString(fyneLastFolder, storage.NewFileURI(d).String())
	}
}

// isDir reports whether path is an existing folder.
func isDir(path string) bool {
	if path == "" {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

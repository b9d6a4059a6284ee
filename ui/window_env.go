package ui

// What the program puts right before Fyne starts, so that a newcomer's
// first run prints no alarming lines: Fyne's cache folder (Fyne makes only
// its last level and complains when ~/.cache is missing), a runtime
// folder on Linux when the session has none (the window system's
// libraries complain), and a preferences file left empty or cut by a
// crash (Fyne complains, and forgets the window's habits anyway).

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// prepareDesktop readies the folders and files Fyne will use for the app
// with this ID; nothing it does is needed for the program to work.
func prepareDesktop(id string) {
	if dir, err := os.UserCacheDir(); err == nil {
		_ = os.MkdirAll(filepath.Join(dir, "fyne", id), 0o700)
	}
	if runtime.GOOS == "linux" {
		ensureRuntimeDir()
	}
	if dir, err := os.UserConfigDir(); err == nil {
		mendPreferences(filepath.Join(dir, "fyne", id, "preferences.json"))
	}
}

// ensureRuntimeDir gives the session a private runtime folder when
// XDG_RUNTIME_DIR is unset or not a folder of this user.
func ensureRuntimeDir() {
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" && isDir(d) {
		return
	}
	d := filepath.Join(os.TempDir(), fmt.Sprintf("xuncha-runtime-%d", os.Getuid()))
	if err := os.MkdirAll(d, 0o700); err != nil {
		return
	}
	if st, err := os.Stat(d); err != nil || st.Mode().Perm() != 0o700 {
		return // someone else's, or open to others: leave the session as it is
	}
	os.Setenv("XDG_RUNTIME_DIR", d)
}

// mendPreferences removes the preferences file at path when it is empty
// or not JSON (a write cut short): it holds only the window's size and the
// folder used last.
func mendPreferences(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	var v map[string]any
	if json.Unmarshal(b, &v) != nil {
		_ = os.Remove(path)
	}
}

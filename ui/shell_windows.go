package ui

import (
	"os/exec"
	"path/filepath"

	"golang.org/x/sys/windows"
)

var (
	goos     = "windows"
	lookPath = exec.LookPath
)

// runShell asks Windows to open, print or show a file (ShellExecute), as
// the Explorer's right-click does: the default program of the file's type
// (a PDF reader, Excel or WPS) does the work.
func runShell(req shellRequest) error {
	verb, err := windows.UTF16PtrFromString(req.Verb)
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(req.File)
	if err != nil {
		return err
	}
	var params, dir *uint16
	if req.Params != "" {
		if params, err = windows.UTF16PtrFromString(req.Params); err != nil {
			return err
		}
	}
	if d := filepath.Dir(req.File); req.File != "explorer.exe" && d != "" {
		if dir, err = windows.UTF16PtrFromString(d); err != nil {
			return err
		}
	}
	return windows.ShellExecute(0, verb, file, params, dir, windows.SW_SHOWNORMAL)
}

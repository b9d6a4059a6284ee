package ui

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// shellExecute asks Windows to do verb (open, print) with path.
func shellExecute(verb, path string) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	if err := windows.ShellExecute(0, v, p, nil, nil, windows.SW_SHOWNORMAL); err != nil {
		return fmt.Errorf("无法%s %s：%w", map[string]string{"open": "打开", "print": "打印"}[verb], filepath.Base(path), err)
	}
	return nil
}

func (systemOpener) Open(path string) error  { return shellExecute("open", path) }
func (systemOpener) Print(path string) error { return shellExecute("print", path) }

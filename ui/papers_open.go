package ui

// Opening and printing a document with the system's programs (SPEC
// §13.4): the documents dialog opens a .docx in WPS or Word, and sends a
// PDF to the default printer. This is a minimal helper behind a small
// interface; the desk's open and print helpers (doFile in shell.go, on its
// branch) can stand behind the same interface once they are merged.

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
)

// fileOpener opens and prints files with the system's programs.
type fileOpener interface {
	Open(path string) error
	Print(path string) error
}

// opener is the window's; tests replace it.
var opener fileOpener = systemOpener{}

// systemOpener asks the system: ShellExecute on Windows
// (papers_open_windows.go), xdg-open and lp elsewhere.
type systemOpener struct{}

// errNoPrintCommand is said when the system has no command that prints.
var errNoPrintCommand = errors.New("本机没有可用的打印命令（lp）：请先“打开”，再从打开它的程序中打印")

// openArgs is the command that opens path, or prints it (elsewhere than
// Windows); lookPath finds a command.
func openArgs(goos string, print bool, path string, lookPath func(string) (string, error)) ([]string, error) {
	if !print {
		if goos == "darwin" {
			return []string{"open", path}, nil
		}
		return []string{"xdg-open", path}, nil
	}
	for _, c := range []string{"lp", "lpr"} {
		if _, err := lookPath(c); err == nil {
			return []string{c, path}, nil
		}
	}
	return nil, errNoPrintCommand
}

// start runs the command and leaves it running; its exit is collected.
func start(args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// openWith opens or prints path on systems other than Windows.
func openWith(print bool, path string) error {
	args, err := openArgs(runtime.GOOS, print, path, exec.LookPath)
	if err != nil {
		return err
	}
	if err := start(args); err != nil {
		return errors.New("无法打开 " + filepath.Base(path) + "：" + err.Error())
	}
	return nil
}

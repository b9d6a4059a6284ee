package ui

// Opening and printing files with the system's programs (SPEC §13.4): an
// export can be opened in its program (a PDF in the default viewer, a
// workbook in Excel or WPS), its folder shown with the file selected, and
// a document sent to the default printer. On Windows through ShellExecute
// (shell_windows.go); elsewhere through xdg-open and lp, or open and lpr
// on a Mac (shell_other.go). shellFor, here, says what to ask for.

import (
	"errors"
	"fmt"
	"path/filepath"
)

// fileAction is what the system is asked to do with a file.
type fileAction int

const (
	actOpen   fileAction = iota // open it in its program
	actFolder                   // show its folder, the file selected where the system can
	actPrint                    // print it on the default printer
)

// shellRequest is one request to the system: ShellExecute's verb, file and
// parameters on Windows; a command line elsewhere.
type shellRequest struct {
	Verb, File, Params string   // Windows
	Args               []string // elsewhere: the command and its arguments
}

// errNoPrinter is said when the system has no command that prints.
var errNoPrinter = errors.New("本机没有可用的打印命令（lp）：请先“打开文件”，再从打开它的程序中打印")

// shellFor is the request that does act on path on the system goos;
// lookPath finds a command (exec.LookPath), for the printer.
func shellFor(goos string, act fileAction, path string, lookPath func(string) (string, error)) (shellRequest, error) {
	switch goos {
	case "windows":
		switch act {
		case actOpen:
			return shellRequest{Verb: "open", File: path}, nil
		case actPrint:
			return shellRequest{Verb: "print", File: path}, nil
		}
		return shellRequest{Verb: "open", File: "explorer.exe", Params: fmt.Sprintf(`/select,"%s"`, path)}, nil
	case "darwin":
		switch act {
		case actOpen:
			return shellRequest{Args: []string{"open", path}}, nil
		case actPrint:
			return printCommand([]string{"lpr"}, path, lookPath)
		}
		return shellRequest{Args: []string{"open", "-R", path}}, nil
	}
	switch act {
	case actOpen:
		return shellRequest{Args: []string{"xdg-open", path}}, nil
	case actPrint:
		return printCommand([]string{"lp", "lpr"}, path, lookPath)
	}
	return shellRequest{Args: []string{"xdg-open", filepath.Dir(path)}}, nil
}

// printCommand is the first of the commands that the system has, on path.
func printCommand(cmds []string, path string, lookPath func(string) (string, error)) (shellRequest, error) {
	for _, c := range cmds {
		if _, err := lookPath(c); err == nil {
			return shellRequest{Args: []string{c, path}}, nil
		}
	}
	return shellRequest{}, errNoPrinter
}

// testHookShell, when set by a test, gets the requests instead of the
// system.
var testHookShell func(shellRequest)

// doFile does act on path with the system's programs; the error says why
// it could not.
func doFile(act fileAction, path string) error {
	req, err := shellFor(goos, act, path, lookPath)
	if err != nil {
		return err
	}
	if testHookShell != nil {
		testHookShell(req)
		return nil
	}
	if err := runShell(req); err != nil {
		return fmt.Errorf("无法%s %s：%w", actionWord(act), filepath.Base(path), err)
	}
	return nil
}

// actionWord names act in a message.
func actionWord(act fileAction) string {
	switch act {
	case actPrint:
		return "打印"
	case actFolder:
		return "打开所在文件夹"
	}
	return "打开"
}

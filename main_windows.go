package main

// xuncha.exe is a GUI-subsystem program: double-clicked, it opens the window
// without a black console window behind it. Run with a subcommand from
// cmd.exe or PowerShell, it attaches to the console it was started from, so
// that "xuncha.exe import --db 数据.db 名单.xlsx" prints its summary and
// messages there. Output redirected to a file or a pipe (> out.txt, | more)
// is used as it is. One exe, no xuncha-cli.exe beside it: see
// docs/BENCHMARKS.md, "Windows exe".

import (
	"os"

	"golang.org/x/sys/windows"

	"xuncha/app/cli"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the process
// that started this one.
const attachParentProcess = ^uintptr(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

func init() {
	if cli.IsCommand(os.Args[1:]) {
		attachConsole()
	}
}

// attachConsole points standard output and error at the parent's console
// when they lead nowhere, as they do for a GUI program started from a
// console without redirection. Started from Explorer there is no console to
// attach to, and nothing changes.
func attachConsole() {
	outOK, errOK := usable(windows.STD_OUTPUT_HANDLE), usable(windows.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	if !outOK {
		if f := openConsole(windows.STD_OUTPUT_HANDLE, "/dev/stdout"); f != nil {
			os.Stdout = f
		}
	}
	if !errOK {
		if f := openConsole(windows.STD_ERROR_HANDLE, "/dev/stderr"); f != nil {
			os.Stderr = f
		}
	}
}

// usable reports whether the standard handle std leads somewhere: a file, a
// pipe, a console or the NUL device.
func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsole opens the attached console's output as the standard handle
// std. os.NewFile recognises the console and writes through WriteConsoleW,
// so Chinese shows whatever the console's code page.
func openConsole(std uint32, name string) *os.File {
	conout, err := windows.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return nil
	}
	h, err := windows.CreateFile(conout, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	_ = windows.SetStdHandle(std, h)
	return os.NewFile(uintptr(h), name)
}

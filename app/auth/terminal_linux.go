package auth

import (
	"os"

	"golang.org/x/sys/unix"
)

// noEcho turns the terminal's echo off and returns how to turn it back on;
// an error when in is not a terminal.
func noEcho(in *os.File) (func(), error) {
	fd := int(in.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, err
	}
	t := *old
	t.Lflag &^= unix.ECHO
	t.Lflag |= unix.ICANON | unix.ISIG
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &t); err != nil {
		return nil, err
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }, nil
}

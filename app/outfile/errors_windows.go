//go:build windows

package outfile

import (
	"errors"
	"syscall"
)

// The Windows errors of a full disk and of a file another program holds.
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
	errorHandleDiskFull   syscall.Errno = 39
	errorDiskFull         syscall.Errno = 112
	errorFileTooLarge     syscall.Errno = 223
)

func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}
func tooLarge(err error) bool { return errors.Is(err, errorFileTooLarge) }
func inUse(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}

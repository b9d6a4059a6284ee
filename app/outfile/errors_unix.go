//go:build !windows

package outfile

import (
	"errors"
	"syscall"
)

func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
func tooLarge(err error) bool { return errors.Is(err, syscall.EFBIG) }
func inUse(err error) bool    { return errors.Is(err, syscall.ETXTBSY) }

//go:build !linux && !windows

package auth

import (
	"errors"
	"os"
)

// noEcho is not available here: the password is echoed.
func noEcho(*os.File) (func(), error) { return nil, errors.New("no terminal control") }

//go:build !windows

package ui

import (
	"os/exec"
	"runtime"
)

var (
	goos     = runtime.GOOS
	lookPath = exec.LookPath
)

// runShell starts the command and leaves it running; its exit is
// collected so that it leaves no zombie.
func runShell(req shellRequest) error {
	cmd := exec.Command(req.Args[0], req.Args[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

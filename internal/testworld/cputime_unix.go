//go:build unix

package testworld

import (
	"syscall"
	"time"
)

// CPUTime is the processor time the process has used (user and system),
// which a busy shared machine does not inflate as it does wall time: what
// the benchmarks report beside it.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

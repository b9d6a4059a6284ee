//go:build !unix

package workbook

import "time"

// cpuTime is not measured on this system.
func cpuTime() time.Duration { return 0 }

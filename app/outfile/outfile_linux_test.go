//go:build linux

package outfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFileSizeLimitInAnotherProcess has a real process write under a file
// size limit (RLIMIT_FSIZE: the system refuses writes past 64 KB, as a
// full disk does): the write fails with the system's error, and the
// previous file and the folder are as before.
func TestFileSizeLimitInAnotherProcess(t *testing.T) {
	if os.Getenv("OUTFILE_HELPER") == "write" {
		lim := &syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, lim); err != nil {
			fmt.Println("setrlimit:", err)
			os.Exit(3)
		}
		err := WriteBytes(os.Getenv("OUTFILE_PATH"), bytes.Repeat([]byte("名"), 200<<10), Document)
		fmt.Println(err)
		if errors.Is(err, syscall.EFBIG) {
			os.Exit(7)
		}
		os.Exit(0)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "编组名单.pdf")
	good := []byte("%PDF-1.4 上一次的名单")
	os.WriteFile(path, good, 0o644)
	c := exec.Command(os.Args[0], "-test.run=^TestFileSizeLimitInAnotherProcess$")
	c.Env = append(os.Environ(), "OUTFILE_HELPER=write", "OUTFILE_PATH="+path)
	out, _ := c.CombinedOutput()
	if c.ProcessState.ExitCode() != 7 || !strings.Contains(string(out), "文件超过系统允许的大小") {
		t.Fatalf("exit %d: %s", c.ProcessState.ExitCode(), out)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, good) {
		t.Fatal("previous file changed")
	}
	if got := files(t, dir); got != "编组名单.pdf" {
		t.Fatalf("folder holds %s", got)
	}
}

// Package system tests the built program from outside, as an office runs
// it: a whole headless session under strace (no internet socket may be
// opened), and imports and assignment saving killed at random moments
// (every write all or nothing, the file sound afterwards).
package system

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"xuncha/model"
)

var (
	bin       string // the built program
	buildNote string // how it was built, when not the whole program
	buildErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "xuncha-system")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "xuncha")
	if out, err := exec.Command("go", "build", "-o", bin, "xuncha").CombinedOutput(); err != nil {
		buildNote = "整个程序未能编译，改用只含命令行的构建 (GUI did not build): " + firstLine(string(out))
		if out, err := exec.Command("go", "build", "-o", bin, "xuncha/test/system/headless").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// program returns the built binary, or fails the test.
func program(t *testing.T) string {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	if buildNote != "" {
		t.Log(buildNote)
	}
	return bin
}

// result is one run of the program.
type result struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// run runs the program with args and returns its exit code and output.
func run(t *testing.T, args ...string) result {
	t.Helper()
	return runCmd(t, exec.Command(program(t), args...))
}

func runCmd(t *testing.T, c *exec.Cmd) result {
	t.Helper()
	r, err := execute(c)
	if err != nil {
		t.Fatalf("%s: %v", strings.Join(c.Args, " "), err)
	}
	return r
}

// execute runs c and returns its exit code and output; the error is for a
// program that could not be run at all. It may be called from any
// goroutine.
func execute(c *exec.Cmd) (result, error) {
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	start := time.Now()
	err := c.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return r, err
		}
		r.code = ee.ExitCode()
	}
	return r, nil
}

// mustRun runs the program and fails on a non-zero exit.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("xuncha %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// notImplemented reports whether a run hit a subcommand that is still a
// placeholder.
func notImplemented(r result) bool { return r.code == 2 && strings.Contains(r.stderr, "尚未实现") }

// demoDB writes the city demo into dir/name and returns its path.
func demoDB(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	mustRun(t, "demo", "--db", path)
	return path
}

// openDB opens a database file as the program does at start.
func openDB(t *testing.T, path string) *gorm.DB {
	t.Helper()
	db, err := model.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return db
}

// latestRound returns the code of the demo's newest round.
func latestRound(t *testing.T, path string) string {
	t.Helper()
	db := openDB(t, path)
	defer model.Close(db)
	var code string
	db.Model(&model.Round{}).Order("onsite_start desc").Limit(1).Pluck("code", &code)
	if code == "" {
		t.Fatal("the demo has no round")
	}
	return code
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

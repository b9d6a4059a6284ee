package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// runCLI runs the subcommand of args and returns stdout, stderr and the
// exit code.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// sameTwice runs a command that writes the file it is given twice, checks
// both runs wrote the same bytes, and returns them.
func sameTwice(t *testing.T, args func(out string) []string) []byte {
	t.Helper()
	dir := t.TempDir()
	var outs [2][]byte
	for i := range outs {
		file := filepath.Join(dir, "out.json")
		if _, stderr, code := runCLI(t, args(file)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = b
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("two runs wrote different bytes")
	}
	return outs[0]
}

// matchGolden compares got with testdata/name (rewritten when the
// environment has UPDATE_GOLDEN).
func matchGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("output differs from %s:\n%s", golden, got)
	}
}

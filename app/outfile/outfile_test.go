package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A failed fill leaves the previous file and no temporary file; a good one
// replaces it.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "统计.xlsx")
	os.WriteFile(path, []byte("old"), 0o644)
	err := Write(path, Document, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("a failed fill reported success")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("previous file = %q", b)
	}
	if err := Write(path, Document, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("file = %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("left %d files", len(es))
	}
	if err := Write(dir, Document, func(io.Writer) error { return nil }); err == nil {
		t.Fatal("a folder was written over")
	}
}

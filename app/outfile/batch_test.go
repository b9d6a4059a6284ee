package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A batch changes no target before Commit, puts every file in place with
// its mode at Commit, leaves no temporary file, and refuses a database as
// a target; Abort leaves the targets as they were.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "公告")
	os.MkdirAll(sub, 0o755)
	old := filepath.Join(dir, "a.docx")
	os.WriteFile(old, []byte("old"), 0o600)
	b := NewBatch(Document)
	write := func(path, s string) error {
		return b.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, s); return err })
	}
	for _, f := range []struct{ path, s string }{{old, "new"}, {filepath.Join(sub, "b.docx"), "b"}} {
		if err := write(f.path, f.s); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(old); string(got) != "old" {
		t.Fatal("a target changed before Commit")
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{old: "new", filepath.Join(sub, "b.docx"): "b"} {
		got, err := os.ReadFile(path)
		info, _ := os.Stat(path)
		if err != nil || string(got) != want || info.Mode().Perm() != Document {
			t.Errorf("%s: %q %v %v", path, got, err, info.Mode())
		}
	}
	for _, d := range []string{dir, sub} {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), tmpSuffix) {
				t.Errorf("temporary file left: %s", e.Name())
			}
		}
	}

	b = NewBatch(Document)
	if err := write(old, "newer"); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(filepath.Join(dir, "c"), func(io.Writer) error { return errors.New("写入失败") }); err == nil {
		t.Error("a failing fill went through")
	}
	b.Abort()
	if got, _ := os.ReadFile(old); string(got) != "new" {
		t.Errorf("Abort changed a target: %q", got)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			t.Errorf("Abort left %s", e.Name())
		}
	}

	db := filepath.Join(dir, "x.db")
	os.WriteFile(db, append([]byte("SQLite format 3\x00"), make([]byte, 100)...), 0o600)
	if err := NewBatch(Document).Write(db, func(io.Writer) error { return nil }); err == nil {
		t.Error("a database taken as a target")
	}
}

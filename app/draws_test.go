package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app/draw"
)

// TestDrawRosterProgressAndVerify: the draw tells its progress step by
// step up to the last slot, and its record file replays through
// VerifyDraw with the names of those drawn; a record of the first version
// replays too; a changed one comes back with its reason, a file that is no
// record with an error.
func TestDrawRosterProgressAndVerify(t *testing.T) {
	s := assignService(t)
	var calls, last, total int
	e, err := s.DrawRoster("2026-1", "", "58213", func(done, n int) {
		if done != last+1 {
			t.Errorf("progress %d after %d", done, last)
		}
		calls, last, total = calls+1, done, n
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != 7 || last != 7 || calls != 7 || len(e.Rec.Steps) != 7 {
		t.Fatalf("progress: %d calls, last %d of %d; %d steps", calls, last, total, len(e.Rec.Steps))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "记录.json")
	b, _ := e.Rec.Marshal()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := s.VerifyDraw(path)
	if err != nil || !c.OK() || len(c.Steps) != 7 {
		t.Fatalf("verify: %+v, %v", c, err)
	}
	if name := c.Names[c.Steps[0].Drawn]; !strings.HasPrefix(name, "人") {
		t.Errorf("name of %s = %q", c.Steps[0].Drawn, name)
	}

	old, err := VerifyDrawFile(filepath.Join("draw", "testdata", "record.json"))
	if err != nil || !old.OK() || old.Record.Algorithm != draw.AlgorithmV1 {
		t.Fatalf("a version 1 record: %+v, %v", old, err)
	}

	e.Rec.Steps[3].Drawn = e.Rec.Steps[2].Drawn
	b, _ = e.Rec.Marshal()
	os.WriteFile(path, b, 0o600)
	if c, err := VerifyDrawFile(path); err != nil || c.OK() || !strings.Contains(c.Err.Error(), "第4步") {
		t.Fatalf("a changed record: %+v, %v", c, err)
	}
	os.WriteFile(path, []byte("{"), 0o600)
	if _, err := VerifyDrawFile(path); err == nil || !strings.Contains(err.Error(), "不是有效的抽取记录") {
		t.Fatalf("not a record: %v", err)
	}
	if _, err := VerifyDrawFile(filepath.Join(dir, "无此文件.json")); err == nil {
		t.Fatal("a missing file")
	}
}

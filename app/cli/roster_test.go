package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRosterCommand(t *testing.T) {
	db := plantAssignDB(t)
	dir := t.TempDir()
	if _, stderr, code := runCLI(t, "roster", "--db", db, "--round", "2026-1"); code != 1 || !strings.Contains(stderr, "尚未保存编组记录") {
		t.Fatalf("roster before saving: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--save"); code != 0 {
		t.Fatalf("assign: exit %d, %s", code, stderr)
	}
	pdf, xlsx := filepath.Join(dir, "名单.pdf"), filepath.Join(dir, "名单.xlsx")
	out, stderr, code := runCLI(t, "roster", "--db", db, "--round", "2026-1", "--pdf", pdf, "--xlsx", xlsx)
	if code != 0 || !strings.Contains(out, "2 个巡察组") {
		t.Fatalf("roster: exit %d\n%s%s", code, out, stderr)
	}
	for _, f := range []string{pdf, xlsx} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	out, _, code = runCLI(t, "roster", "--db", db, "--round", "2026-1")
	if code != 0 || !strings.Contains(out, "第一轮 巡察组编组名单：2 个巡察组，编入 12 人，空缺 2 个") || !strings.Contains(out, "第二巡察组（安平县；县财政局") {
		t.Errorf("summary:\n%s", out)
	}
	if _, _, code := runCLI(t, "roster", "--db", db); code != 2 {
		t.Errorf("roster without --round: exit %d, want 2", code)
	}
}

func TestDrawPrint(t *testing.T) {
	db := plantAssignDB(t)
	dir := t.TempDir()
	rec, pdf := filepath.Join(dir, "record.json"), filepath.Join(dir, "record.pdf")
	if _, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--draw", "58213", "--record", rec); code != 0 {
		t.Fatalf("draw: exit %d, %s", code, stderr)
	}
	out, stderr, code := runCLI(t, "draw-print", "--db", db, rec, pdf)
	if code != 0 || !strings.Contains(out, "抽取记录一致") {
		t.Fatalf("draw-print: exit %d\n%s%s", code, out, stderr)
	}
	b, _ := os.ReadFile(pdf)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("no PDF written")
	}
	raw, _ := os.ReadFile(rec)
	os.WriteFile(rec, []byte(strings.Replace(string(raw), `"witness": "58213"`, `"witness": "58214"`, 1)), 0o644)
	if _, stderr, code := runCLI(t, "draw-print", rec, filepath.Join(dir, "bad.pdf")); code != 1 || !strings.Contains(stderr, "不予打印") {
		t.Errorf("tampered record printed: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.pdf")); err == nil {
		t.Error("a PDF of a tampered record was written")
	}
	if _, _, code := runCLI(t, "draw-print", rec); code != 2 {
		t.Errorf("one argument: exit %d, want 2", code)
	}
}

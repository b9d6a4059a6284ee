package cli

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/internal/docxtext"
	"xuncha/internal/testworld"
)

// xuncha doc writes one kind into the folder, every kind in a folder per
// kind, or one zip; the files read back with their names and dates.
func TestDoc(t *testing.T) {
	db := testworld.File(t, "r.db", testworld.Results()...)
	dir := t.TempDir()
	out, stderr, code := runCLI(t, "doc", "--db", db, "--round", "R2026-1", "--kind", "整改通知书", "--unit", "U0102", "--out", dir, "--pdf")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "写入 2 个文件") {
		t.Errorf("stdout %q", out)
	}
	f, err := docxtext.ReadFile(filepath.Join(dir, "整改通知书_U0102_甲县人民医院.docx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"甲县人民医院党组织：", "Z0004", "Z0005", "2026年3月31日", "2026年5月31日前"} {
		if !strings.Contains(f.Text(), w) {
			t.Errorf(".docx lacks %q", w)
		}
	}
	text := docxtext.Squeeze(docxtext.PDFText(t, filepath.Join(dir, "整改通知书_U0102_甲县人民医院.pdf")))
	if !strings.Contains(text, "Z0005") || !strings.Contains(text, "2026年5月31日前") {
		t.Errorf("PDF: %s", text)
	}

	all := t.TempDir()
	if _, stderr, code := runCLI(t, "doc", "--db", db, "--round", "R2026-1", "--today", "2026-06-01", "--out", all); code != 0 {
		t.Fatalf("every kind: exit %d: %s", code, stderr)
	}
	for _, k := range []string{"巡察公告", "关于成立巡察组的通知", "巡察反馈意见", "整改通知书", "问题线索移交函", "督办通知"} {
		if ents, err := os.ReadDir(filepath.Join(all, k)); err != nil || len(ents) == 0 {
			t.Errorf("no folder %s: %v", k, err)
		}
	}

	if _, stderr, code := runCLI(t, "doc", "--db", db, "--round", "R2026-1", "--today", "2026-06-01", "--out", all, "--zip"); code != 0 {
		t.Fatalf("--zip: exit %d: %s", code, stderr)
	}
	z, err := zip.OpenReader(filepath.Join(all, "R2026-1 文书.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if len(z.File) != 11 {
		t.Errorf("%d entries in the zip", len(z.File))
	}
	z.Close()
}

func TestDocUsage(t *testing.T) {
	db := testworld.File(t, "r.db", testworld.Results()...)
	file := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"doc", "--db", db, "--out", t.TempDir()}, 2, "缺少 --round"},
		{[]string{"doc", "--db", db, "--round", "R2026-1"}, 2, "缺少 --out"},
		{[]string{"doc", "--db", db, "--round", "R2026-1", "--kind", "通告", "--out", t.TempDir()}, 2, "不是文书种类"},
		{[]string{"doc", "--db", db, "--round", "R2026-1", "--kind", "年度汇报", "--out", t.TempDir()}, 2, "不是文书种类"},
		{[]string{"doc", "--db", db, "--round", "R2026-1", "--out", file}, 2, "是文件，应为文件夹"},
		{[]string{"doc", "--db", db, "--round", "R9", "--out", t.TempDir()}, 1, "轮次 R9 未找到"},
		{[]string{"doc", "--db", db, "--round", "R2026-1", "--kind", "鉴定表", "--out", t.TempDir()}, 1, "没有符合条件的文书"},
	} {
		_, stderr, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %s", c.args, code, stderr)
		}
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/model"
)

func TestPackageRoundTrip(t *testing.T) {
	from, w := testWorld(t)
	e := newPackageExport(from, w)
	e.show()
	e.dlg.Submit()
	if !strings.Contains(e.dlg.Note.Text, "请至少选择一个县区") {
		t.Errorf("no county: %q", e.dlg.Note.Text)
	}
	test.Tap(e.counties.Item(1)) // C02 河西县
	test.Type(e.pw.First, "短口令")
	test.Type(e.pw.Second, "短口令")
	e.dlg.Submit()
	if !strings.Contains(e.dlg.Note.Text, "口令至少8个字符") {
		t.Errorf("short passphrase: %q", e.dlg.Note.Text)
	}
	e.pw.First.SetText("")
	e.pw.Second.SetText("")
	test.Type(e.pw.First, "口令-甲乙丙丁戊己")
	test.Type(e.pw.Second, "口令-甲乙丙丁戊")
	e.dlg.Submit()
	if !strings.Contains(e.dlg.Note.Text, "两次输入的密码不一致") {
		t.Errorf("mismatched passphrase: %q", e.dlg.Note.Text)
	}
	e.pw.Second.SetText("口令-甲乙丙丁戊己")
	codes, pass, err := e.choice()
	if err != nil || strings.Join(codes, ",") != "C02" {
		t.Fatalf("choice %v %v", codes, err)
	}
	path := filepath.Join(t.TempDir(), "河西县.xpkg")
	e.exportTo(codes, pass, path)
	e.work.wait()
	if !strings.Contains(e.done, "已导出县区 C02（已用口令加密）") {
		t.Fatalf("export: %q", e.done)
	}

	to, err := app.Open(":memory:", "乙")
	must(t, err)
	t.Cleanup(func() { to.Close() })
	imported := false
	d := newPackageImport(to, w, func() { imported = true })
	d.open(path)
	if d.pass.Disabled() || !strings.Contains(d.info.Text, "C02") || !strings.Contains(d.info.Text, "已加密") {
		t.Fatalf("an encrypted package: pass disabled %v, info %q", d.pass.Disabled(), d.info.Text)
	}
	test.Tap(d.preview)
	if !strings.Contains(d.note.Text, "请输入口令") {
		t.Errorf("no passphrase: %q", d.note.Text)
	}
	test.Type(d.pass, "错误口令")
	test.Tap(d.preview)
	d.work.wait()
	if !strings.Contains(d.note.Text, "口令错误") || !d.confirm.Disabled() {
		t.Errorf("wrong passphrase: %q", d.note.Text)
	}
	test.Type(d.pass, "口令-甲乙丙丁戊己")
	test.Tap(d.preview)
	d.work.wait()
	if d.note.Failed() || d.confirm.Disabled() || rows(d.counts) < 3 {
		t.Fatalf("preview: note %q, %d count rows", d.note.Text, rows(d.counts))
	}
	if got := cellText(t, d.counts, 0, 0) + "|" + cellText(t, d.counts, 1, 0) + "|" + cellText(t, d.counts, 1, 1); got != "合计|县区|1" {
		t.Errorf("first count row = %q", got)
	}
	var n int64
	to.DB.Model(&model.Person{}).Count(&n)
	if n != 0 {
		t.Fatal("the preview wrote")
	}
	test.Tap(d.confirm)
	d.work.wait()
	to.DB.Model(&model.Person{}).Count(&n)
	if n != 2 || !imported || !strings.Contains(d.note.Text, "已导入") {
		t.Errorf("import: %d people, callback %v, note %q", n, imported, d.note.Text)
	}
}

func TestTamperedPackageRefused(t *testing.T) {
	from, w := testWorld(t)
	path := filepath.Join(t.TempDir(), "城关区.xpkg")
	if _, err := from.ExportPackage([]string{"C01"}, "", path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	must(t, err)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"中间被改", func() []byte { x := append([]byte(nil), b...); x[len(x)/3] ^= 0x5a; return x }()},
		{"被截断", b[:len(b)-7]},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "坏.xpkg")
			must(t, os.WriteFile(p, c.data, 0o600))
			to, err := app.Open(":memory:", "乙")
			must(t, err)
			defer to.Close()
			d := newPackageImport(to, w, nil)
			d.open(p)
			if !d.preview.Disabled() {
				test.Tap(d.preview)
				d.work.wait()
			}
			if !d.note.Failed() || !strings.Contains(d.note.Text, "损坏") || !d.confirm.Disabled() {
				t.Errorf("note %q, confirm disabled %v", d.note.Text, d.confirm.Disabled())
			}
			var n int64
			to.DB.Model(&model.County{}).Count(&n)
			if n != 0 {
				t.Error("a tampered package wrote")
			}
		})
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// runImport drives the import dialog over files and waits for its result.
func runImport(t *testing.T, d *importDialog, validOnly bool, files ...string) {
	t.Helper()
	for _, f := range files {
		d.addFile(f)
	}
	d.validOnly.SetChecked(validOnly)
	test.Tap(d.start)
	select {
	case <-d.done:
	case <-time.After(30 * time.Second):
		t.Fatal("the import did not finish")
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportDialogListsErrors(t *testing.T) {
	svc, w := testWorld(t)
	bad := writeFile(t, "人员.csv", "人员编号,姓名,工作关系地,身份证号\n"+
		"P101,孙七,C01,\n"+
		"P102,,C01,\n"+
		"P103,周八,C99,\n"+
		"P104,吴九,C02,110105194912310021\n")
	imported := false
	d := newImportDialog(svc, w, func() { imported = true })
	d.show()
	runImport(t, d, false, bad)

	if n := rows(d.problems); n < 3 {
		t.Fatalf("problems listed = %d, want every bad row", n)
	}
	var all []string
	for i := 0; i < rows(d.problems); i++ {
		all = append(all, strings.Join([]string{cellText(t, d.problems, i, 0), cellText(t, d.problems, i, 1),
			cellText(t, d.problems, i, 2), cellText(t, d.problems, i, 3)}, "|"))
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"人员|3|姓名|", "人员|4|工作关系地|", "人员|5|身份证号|"} {
		if !strings.Contains(text, want) {
			t.Errorf("problem %q not listed in:\n%s", want, text)
		}
	}
	if !strings.Contains(text, "校验位错误") {
		t.Errorf("the ID message is missing:\n%s", text)
	}
	if rows(d.summary) != 1 || cellText(t, d.summary, 0, 0) != "人员" {
		t.Errorf("summary rows = %d", rows(d.summary))
	}
	if d.saveErrs.Disabled() || !strings.Contains(d.verdict.Text, "未写入") || imported {
		t.Errorf("save button disabled=%v, verdict %q, imported=%v", d.saveErrs.Disabled(), d.verdict.Text, imported)
	}
	if _, err := svc.PersonDetail("P101"); err == nil {
		t.Error("a workbook with problems was written")
	}

	// The clerk chooses to import the valid rows only.
	runImport(t, d, true)
	if !imported || !strings.Contains(d.verdict.Text, "已导入有效行") {
		t.Errorf("valid-only import: imported=%v verdict %q", imported, d.verdict.Text)
	}
	if _, err := svc.PersonDetail("P101"); err != nil {
		t.Errorf("the valid row was not written: %v", err)
	}
	if got := cellText(t, d.summary, 0, 1); got != "1" {
		t.Errorf("新增 = %q", got)
	}
}

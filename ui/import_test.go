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
	if got := d.summaryCell("人员", "拒绝"); got != "3" {
		t.Errorf("人员 拒绝 = %q", got)
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
	if got := d.summaryCell("人员", "新增"); got != "1" {
		t.Errorf("新增 = %q", got)
	}
}

// 仅检查 shows every sheet's counts and every problem, and writes nothing.
func TestImportDialogCheckOnly(t *testing.T) {
	svc, w := testWorld(t)
	people := writeFile(t, "人员.csv", "人员编号,姓名,工作关系地\nP201,郑十,C01\nP202,钱十一,C02\n")
	units := writeFile(t, "单位.csv", "单位编码,单位名称,县区编码,单位类别\nU09,城关区审计局,C01,县直机关\nU10,无名局,C77,县直机关\n")
	imported := false
	d := newImportDialog(svc, w, func() { imported = true })
	d.show()
	d.addFile(people)
	d.addFile(units)
	test.Tap(d.check)
	<-d.done
	if imported || !strings.Contains(d.verdict.Text, "仅检查：发现 1 个问题") {
		t.Fatalf("verdict %q, imported %v", d.verdict.Text, imported)
	}
	if d.summaryCell("单位", "新增") != "1" || d.summaryCell("单位", "拒绝") != "1" || d.summaryCell("人员", "新增") != "2" {
		t.Errorf("summary: 单位 %s/%s, 人员 %s", d.summaryCell("单位", "新增"), d.summaryCell("单位", "拒绝"), d.summaryCell("人员", "新增"))
	}
	if _, err := svc.PersonDetail("P201"); err == nil {
		t.Error("仅检查 wrote people")
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeCSV writes a CSV sheet into dir.
func writeCSV(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportTemplateExportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	tmpl := filepath.Join(dir, "模板.xlsx")
	if out := mustRun(t, "template", tmpl); !strings.Contains(out, "已生成导入模板") {
		t.Fatalf("template: %s", out)
	}
	counties := writeCSV(t, dir, "县区.csv", "县区编码*,县区名称*\nC01,城关区\nC02,东城区\n")
	units := writeCSV(t, dir, "单位.csv", "单位编码,单位名称,县区编码,单位类别\nU01,财政局,C01,县直机关\nU02,审计局,C02,县直机关\n")
	bad := writeCSV(t, dir, "人员.csv", "人员编号,姓名,工作关系地,人员库\nP001,李四,C01,组长库\nP002,王五,C09,工作人员库\n")
	errs := filepath.Join(dir, "问题.xlsx")

	out, stderr, code := runCLI(t, "import", "--db", db, "--errors", errs, counties, units, bad)
	if code != 1 || !strings.Contains(out, "人员 第3行 工作关系地：县区“C09”不存在") ||
		!strings.Contains(stderr, "未写入任何数据") || !strings.Contains(stderr, "import blocked") {
		t.Fatalf("blocked import: exit %d\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(errs); err != nil {
		t.Fatalf("no problem list: %v", err)
	}

	out = mustRun(t, "import", "--db", db, "--valid-only", counties, units, bad)
	if !strings.Contains(out, "已导入无误的行") || !strings.Contains(out, "人员") {
		t.Fatalf("valid-only: %s", out)
	}
	out = mustRun(t, "import", "--db", db, counties, units)
	if !strings.Contains(out, "无需写入") {
		t.Fatalf("second import: %s", out)
	}

	people := filepath.Join(dir, "组长库.xlsx")
	if out := mustRun(t, "export", "--db", db, "--county", "C01", "--pool", "组长库", "people", people); !strings.Contains(out, "人员 1 人") {
		t.Fatalf("export people: %s", out)
	}
	f, err := excelize.OpenFile(people)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("人员")
	f.Close()
	if len(rows) != 2 || rows[1][0] != "P001" {
		t.Fatalf("exported people: %v", rows)
	}
	all := filepath.Join(dir, "全部.xlsx")
	mustRun(t, "export", "--db", db, "all", all)
	if out := mustRun(t, "import", "--db", db, all); !strings.Contains(out, "无需写入") {
		t.Fatalf("re-import of the export: %s", out)
	}

	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"缺少文件", []string{"import", "--db", db}, "缺少要导入的文件"},
		{"导出内容无效", []string{"export", "--db", db, "rounds", all}, "无效"},
		{"单位不分库", []string{"export", "--db", db, "--pool", "组长库", "units", all}, "--pool 只用于 people"},
		{"模板缺文件名", []string{"template"}, "需要一个输出文件名"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, c.args...)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d: %s", code, stderr)
			}
		})
	}
}

func TestImportCheckOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	csv := writeCSV(t, dir, "县区.csv", "县区编码,县区名称\r\nC01,城关区\r\n")
	out, errOut, code := runCLI(t, "import", "--db", db, "--check", csv)
	if code != 0 || !strings.Contains(out, "仅检查：没有发现问题，未写入任何数据") || !strings.Contains(out, "县区") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("仅检查 into a new --db left a database behind")
	}
	if _, errOut, code := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	before, _, _ := runCLI(t, "audit", "list", "--db", db)
	if out, errOut, code := runCLI(t, "import", "--db", db, "--check", csv); code != 0 {
		t.Fatalf("仅检查 into a database: exit %d\n%s\n%s", code, out, errOut)
	}
	if after, _, _ := runCLI(t, "audit", "list", "--db", db); after != before {
		t.Errorf("仅检查 wrote to the log:\n%s", after)
	}
	bad := writeCSV(t, dir, "单位.csv", "单位编码,单位名称,县区编码,单位类别\r\nU01,财政局,C99,县直机关\r\n")
	out, errOut, code = runCLI(t, "import", "--db", db, "--check", bad)
	if code != 1 || !strings.Contains(errOut, "仅检查：发现 1 个问题") {
		t.Errorf("a problem: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, _, code := runCLI(t, "import", "--db", db, "--check", "--valid-only", csv); code != 2 {
		t.Errorf("--check with --valid-only: exit %d", code)
	}
}

// An import refused whole, or a package previewed, into a --db where no
// database was leaves none behind; into an existing database it keeps it.
func TestRefusedImportLeavesNoNewDatabase(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "坏"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "坏", "县区.csv") // a county without its name
	if err := os.WriteFile(bad, []byte("县区编码,县区名称\nC01,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "新.db")
	var out, errb strings.Builder
	if code := Run([]string{"import", "--db", db, bad}, &out, &errb); code != 1 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, s := range []string{"", "-wal", "-shm", "-lock"} {
		if _, err := os.Stat(db + s); err == nil {
			t.Errorf("a refused import left %s behind", filepath.Base(db+s))
		}
	}
	good := filepath.Join(dir, "县区.csv")
	if err := os.WriteFile(good, []byte("县区编码,县区名称\nC01,城关区\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := Run([]string{"import", "--db", db, good}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if code := Run([]string{"import", "--db", db, bad}, &out, &errb); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if info, err := os.Stat(db); err != nil || info.Size() == 0 {
		t.Fatalf("a refused import into an existing database removed it: %v", err)
	}
}

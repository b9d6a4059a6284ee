package workbook

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xuncha/model"
)

// fillTemplate writes the template, fills it with the rows of s (matched
// to the template's columns by name) and returns the path. The birth date
// of the first person goes in as a real Excel date (a serial with a date
// format), as a clerk typing a date in Excel would produce.
func fillTemplate(t *testing.T, s sheets) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "模板.xlsx")
	if err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, rows := range s {
		tmpl, err := f.GetRows(sheet)
		if err != nil || len(tmpl) == 0 {
			t.Fatalf("template sheet %s: %v", sheet, err)
		}
		for r, row := range rows[1:] {
			for j, v := range row {
				col := colIndex(tmpl[0], headerName(rows[0][j]))
				cell, _ := excelize.CoordinatesToCellName(col+1, r+2)
				if err := f.SetCellStr(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	col := colIndex(mustRows(t, f, SheetPeople)[0], "出生日期")
	cell, _ := excelize.CoordinatesToCellName(col+1, 2)
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err := f.SetCellValue(SheetPeople, cell, time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle(SheetPeople, cell, cell, style)
	filled := filepath.Join(dir, "填好的.xlsx")
	if err := f.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	return filled
}

func mustRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// readBook reads every sheet of an xlsx.
func readBook(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[string][][]string)
	for _, s := range f.GetSheetList() {
		out[s] = mustRows(t, f, s)
	}
	return out
}

// TestRoundTrip: template → filled in → import → ExportAll → import again
// changes nothing; and the export imported into an empty database exports
// to the same workbook.
func TestRoundTrip(t *testing.T) {
	db := openDB(t)
	res := mustImport(t, db, Options{User: "测试"}, fillTemplate(t, baseBook()))
	if len(res.Problems) > 0 || !res.Written {
		t.Fatalf("import of the filled template: problems %v, written %v", res.Problems, res.Written)
	}
	var p model.Person
	db.First(&p, "code = ?", "P001")
	if p.BirthDate != "1980-01-01" {
		t.Errorf("date cell read as %q", p.BirthDate)
	}

	out := filepath.Join(t.TempDir(), "导出.xlsx")
	if err := ExportAll(db, out); err != nil {
		t.Fatal(err)
	}
	before := counts(t, db)
	res = mustImport(t, db, Options{User: "测试"}, out)
	if len(res.Problems) > 0 || res.Written {
		t.Fatalf("re-import: problems %v, written %v", res.Problems, res.Written)
	}
	if len(res.Sheets) != len(sheetOrder) {
		t.Errorf("export has %d sheets, want %d", len(res.Sheets), len(sheetOrder))
	}
	for _, s := range res.Sheets {
		if s.Added+s.Updated+s.Rejected != 0 || s.Unchanged == 0 {
			t.Errorf("re-import %v, want all unchanged", s)
		}
	}
	if after := counts(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("re-import changed the database: %v → %v", before, after)
	}

	fresh := openDB(t)
	if res := mustImport(t, fresh, Options{}, out); len(res.Problems) > 0 {
		t.Fatalf("import into a fresh database: %v", res.Problems)
	}
	again := filepath.Join(t.TempDir(), "再导出.xlsx")
	if err := ExportAll(fresh, again); err != nil {
		t.Fatal(err)
	}
	if a, b := readBook(t, out), readBook(t, again); !reflect.DeepEqual(a, b) {
		t.Errorf("exports differ:\n%v\n%v", a, b)
	}
}

func TestExportPeopleAndUnits(t *testing.T) {
	db := openDB(t)
	mustImport(t, db, Options{}, baseBook().write(t, "b.xlsx"))
	dir := t.TempDir()
	people := filepath.Join(dir, "人员.xlsx")
	if err := ExportPeople(db, []string{"P002"}, people); err != nil {
		t.Fatal(err)
	}
	got := readBook(t, people)
	if len(got) != 6 || len(got[SheetPeople]) != 2 || len(got[SheetTies]) != 2 || len(got[SheetTrainings]) != 2 || got[SheetPeople][1][0] != "P002" || len(got[SheetRelatives]) != 2 || len(got[SheetHistory]) != 1 {
		t.Errorf("people export = %v", got)
	}
	units := filepath.Join(dir, "单位.xlsx")
	if err := ExportUnits(db, nil, units); err != nil {
		t.Fatal(err)
	}
	got = readBook(t, units)
	if len(got[SheetUnits]) != 5 || len(got[SheetLeaders]) != 3 || got[SheetUnits][0][0] != "单位编码*" {
		t.Errorf("units export = %v", got)
	}
	res := mustImport(t, db, Options{}, people, units)
	for _, s := range res.Sheets {
		if s.Added+s.Updated+s.Rejected != 0 {
			t.Errorf("re-import %v", s)
		}
	}
}

func TestTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	got := readBook(t, path)
	if len(got) != len(sheetOrder)+1 {
		t.Errorf("template has sheets %d", len(got))
	}
	for _, d := range sheetDefs() {
		if !reflect.DeepEqual(got[d.name][0], headers(d)) {
			t.Errorf("%s header = %v", d.name, got[d.name][0])
		}
	}
	n := 0
	for _, d := range sheetDefs() {
		n += len(d.cols)
	}
	if rows := got["说明"]; len(rows) != len(notes)+2+n || rows[len(notes)+1][0] != "工作表" {
		t.Errorf("说明 has %d rows", len(rows))
	}
	// The empty template imports as nothing, without complaint.
	res := mustImport(t, openDB(t), Options{}, path)
	if len(res.Problems) > 0 || res.Written {
		t.Errorf("empty template: %v", res.Problems)
	}
}

func TestWriteProblems(t *testing.T) {
	path := filepath.Join(t.TempDir(), "问题.xlsx")
	ps := []Problem{{"人员", 5, "身份证号", "校验位错误（应为X）"}, {"a.csv", 0, "", "文件为空"}}
	if err := WriteProblems(path, ps); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"工作表", "行", "列", "问题"}, {"人员", "5", "身份证号", "校验位错误（应为X）"}, {"a.csv", "", "", "文件为空"}}
	if got := readBook(t, path)["导入问题"]; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestTemplateGolden keeps the template's sheets, headers and 说明 text in
// testdata/template.golden, so that a change to them shows in review.
func TestTemplateGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	book := readBook(t, path)
	var b strings.Builder
	for _, d := range sheetDefs() {
		b.WriteString(d.name + ": " + strings.Join(book[d.name][0], " | ") + "\n")
	}
	b.WriteString("\n")
	for _, row := range book["说明"] {
		b.WriteString(strings.Join(row, " | ") + "\n")
	}
	golden := filepath.Join("testdata", "template.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestTemplateGolden -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("template differs from %s (run with -update if intended):\n%s", golden, b.String())
	}
}

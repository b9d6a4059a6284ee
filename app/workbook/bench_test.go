package workbook

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"xuncha/app/demo"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// BenchmarkImportProvince imports a province's data (the province demo
// data set, exported once) into a fresh database file.
func BenchmarkImportProvince(b *testing.B) { benchImport(b, demo.Province) }

// BenchmarkImportCity is the same at city scale.
func BenchmarkImportCity(b *testing.B) { benchImport(b, demo.City) }

func benchImport(b *testing.B, s demo.Scale) {
	_, path := demoExport(b, s)
	dir := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := model.Open(filepath.Join(dir, strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := testworld.CPUTime()
		res, err := Import(db, []string{path}, Options{User: "基准"})
		cpu += testworld.CPUTime() - start
		if err != nil || len(res.Problems) > 0 || !res.Written {
			b.Fatalf("import: %v %v", err, res.Problems)
		}
		model.Close(db)
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkExportProvince exports a province's data.
func BenchmarkExportProvince(b *testing.B) {
	db, _ := demoExport(b, demo.Province)
	out := filepath.Join(b.TempDir(), "out.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ExportAll(db, out); err != nil {
			b.Fatal(err)
		}
	}
}

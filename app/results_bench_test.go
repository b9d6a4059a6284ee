package app

import (
	"os"
	"path/filepath"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// termService opens a file database holding the province term of issue
// 13's scale (testworld.WriteTerm).
func termService(b testing.TB) *Service {
	b.Helper()
	path := filepath.Join(b.TempDir(), "term.db")
	db, err := model.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	testworld.WriteTerm(b, db)
	s := &Service{DB: db, User: "基准"}
	b.Cleanup(func() { s.Close() })
	return s
}

var benchToday = civil.MustParse("2026-06-01")

// BenchmarkLedger* measure, over the province term (≈ 94,500 items, 9,000
// clues), the ledger's figures and the 督办 list: computing them over the
// loaded rows, and loading the rows from the database file.
func BenchmarkLedgerProvinceTerm(b *testing.B) {
	s := termService(b)
	d, err := s.LedgerData()
	if err != nil {
		b.Fatal(err)
	}
	set := ledger.Defaults()
	b.Logf("%d rounds, %d items, %d clues, %d milestones", len(d.Rounds), len(d.Items), len(d.Clues), len(d.Milestones))
	b.Run("compute-ledger", func(b *testing.B) {
		start := testworld.CPUTime()
		defer func() { b.ReportMetric(float64((testworld.CPUTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for range b.N {
			ledger.Compute(d, set, benchToday, "")
		}
	})
	b.Run("compute-supervise", func(b *testing.B) {
		start := testworld.CPUTime()
		defer func() { b.ReportMetric(float64((testworld.CPUTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for range b.N {
			ledger.Open(d, set, benchToday, ledger.Filter{})
		}
	})
	b.Run("compute-figures", func(b *testing.B) {
		start := testworld.CPUTime()
		defer func() { b.ReportMetric(float64((testworld.CPUTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for range b.N {
			ledger.Figures(d, set, benchToday)
		}
	})
	b.Run("load", func(b *testing.B) {
		start := testworld.CPUTime()
		defer func() { b.ReportMetric(float64((testworld.CPUTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for range b.N {
			if _, err := s.LedgerData(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("service-supervise", func(b *testing.B) {
		start := testworld.CPUTime()
		defer func() { b.ReportMetric(float64((testworld.CPUTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for range b.N {
			if _, err := s.Supervise(ledger.Filter{}, benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("round-results", func(b *testing.B) {
		start := testworld.CPUTime()
		defer func() { b.ReportMetric(float64((testworld.CPUTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for range b.N {
			if _, err := s.RoundResults("R05", benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestWriteTermDB writes the province term to the file XUNCHA_TERM_DB
// names, for timing whole commands (docs/BENCHMARKS.md); skipped without.
func TestWriteTermDB(t *testing.T) {
	path := os.Getenv("XUNCHA_TERM_DB")
	if path == "" {
		t.Skip("XUNCHA_TERM_DB not set")
	}
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	testworld.WriteTerm(t, db)
}

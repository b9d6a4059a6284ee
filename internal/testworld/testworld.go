// Package testworld is the test world of 巡察统筹's tests: databases
// planted with the rows a test names, in memory or in a file, closed when
// the test ends; a file damaged the way a failing disk damages it; and
// the small helpers the plantings need. Tests of every layer use it (app,
// its capabilities, the command line, the window) instead of each opening
// and filling a database its own way.
//
// It imports model and nothing of app, so that package app's own tests
// may use it too; a test that wants a service wraps the database itself
// (&app.Service{DB: db}) or opens the file (app.Open).
package testworld

import (
	"os"
	"path/filepath"
	"testing"

	"gorm.io/gorm"

	"xuncha/internal/pgtest"
	"xuncha/model"
)

// DB opens an in-memory database with rows planted in order (parents
// before children), closed when the test ends. When the package's tests
// run against PostgreSQL (XUNCHA_TEST_DB=postgres and a TestMain that
// calls pgtest.Main), it is instead a fresh database of the test on the
// process's throwaway server (ServerURL).
func DB(t testing.TB, rows ...any) *gorm.DB {
	t.Helper()
	dsn := ":memory:"
	if pgtest.Active() {
		dsn = ServerURL(t)
	}
	db, err := model.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { model.Close(db) })
	Plant(t, db, rows...)
	return db
}

// File writes rows into a new database file named name in a temporary
// folder of the test and returns its path; the file is closed.
func File(t testing.TB, name string, rows ...any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	Plant(t, db, rows...)
	return path
}

// ServerURL makes a new database of this program, migrated and empty, on
// the test process's PostgreSQL server (pgtest) and returns its URL; the
// database is dropped when the test ends. The package's TestMain must call
// pgtest.Main.
func ServerURL(t testing.TB) string {
	t.Helper()
	return pgtest.Start(t).FromTemplate(t, "xuncha", func(url string) error {
		db, err := model.Open(url)
		if err != nil {
			return err
		}
		return model.Close(db)
	})
}

// OnServer reports whether the package's tests run against PostgreSQL.
func OnServer() bool { return pgtest.Active() }

// Plant creates rows in db in order, failing the test on the first that
// the database refuses.
func Plant(t testing.TB, db *gorm.DB, rows ...any) {
	t.Helper()
	for _, r := range rows {
		if err := db.Create(r).Error; err != nil {
			t.Fatalf("plant %T: %v", r, err)
		}
	}
}

// Damage overwrites the second half of the file at path with junk, as a
// failing disk or a cut copy leaves a database.
func Damage(t testing.TB, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 2; i < len(b); i++ {
		b[i] = byte(i*7 + 3)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Ptr returns a pointer to s, for the optional codes of a row
// (CurrentUnitCode, ParentCode …).
func Ptr(s string) *string { return &s }

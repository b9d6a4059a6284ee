package model

import (
	"os"
	"testing"

	"gorm.io/gorm"

	"xuncha/internal/pgtest"
)

// TestMain lets XUNCHA_TEST_DB=postgres run the tests that open their
// database with testDB against a throwaway PostgreSQL server (see
// internal/pgtest); the tests of shared mode start one in any case.
func TestMain(m *testing.M) {
	if helperMain() {
		return
	}
	os.Exit(pgtest.Main(m))
}

// testDB opens a new empty database of this program for the test: in
// memory (SQLite), or on the test server when the suite runs against
// PostgreSQL. It is closed when the test ends.
func testDB(t testing.TB) *gorm.DB {
	t.Helper()
	dsn := ":memory:"
	if pgtest.Active() {
		dsn = pgtest.Start(t).NewDB(t)
	}
	db, err := Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Close(db) })
	return db
}

// serverDB opens a new empty database of this program on the test server,
// whichever database the suite runs on (skipped when the server's
// binaries are not installed), and returns it with its URL.
func serverDB(t testing.TB) (*gorm.DB, string) {
	t.Helper()
	url := pgtest.Start(t).NewDB(t)
	db, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Close(db) })
	return db, url
}

package datapkg

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"xuncha/app/demo"
	"xuncha/internal/pgtest"
	"xuncha/internal/testworld"
	"xuncha/model"
)

var (
	demoOnce sync.Once
	demoFile string
	demoErr  error
)

// TestMain lets XUNCHA_TEST_DB=postgres run the package's tests against a
// throwaway PostgreSQL server (internal/pgtest): the databases packages
// are exported from and imported into are then the server's.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// demoDB returns a copy of a database holding the city demo data.
func demoDB(t *testing.T) *gorm.DB {
	t.Helper()
	if testworld.OnServer() {
		url := pgtest.Start(t).FromTemplate(t, "datapkg_demo", func(url string) error {
			db, err := model.Open(url)
			if err != nil {
				return err
			}
			defer model.Close(db)
			return demo.Write(db, demo.Generate(demo.City), "演示")
		})
		return openPath(t, url)
	}
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "datapkg-demo")
		if err != nil {
			demoErr = err
			return
		}
		demoFile = filepath.Join(dir, "demo.db")
		db, err := model.Open(demoFile)
		if err != nil {
			demoErr = err
			return
		}
		defer model.Close(db)
		demoErr = demo.Write(db, demo.Generate(demo.City), "演示")
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	b, err := os.ReadFile(demoFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	os.WriteFile(path, b, 0o600)
	return openPath(t, path)
}

func openPath(t *testing.T, path string) *gorm.DB {
	t.Helper()
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { model.Close(db) })
	return db
}

func emptyDB(t *testing.T) *gorm.DB {
	t.Helper()
	if testworld.OnServer() {
		return testworld.DB(t)
	}
	return openPath(t, filepath.Join(t.TempDir(), "empty.db"))
}

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.Local)

// exportFile exports counties of db to a new file, with the cheap key
// derivation the tests can afford.
func exportFile(t *testing.T, db *gorm.DB, pass string, counties ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out"+Ext)
	if _, err := export(db, counties, pass, path, minScryptN, t0, true); err != nil {
		t.Fatal(err)
	}
	return path
}

// entries reads every file of a zip package.
func entries(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		out[f.Name] = b.Bytes()
	}
	return out
}

// rezip writes files (manifest first) as a new package file.
func rezip(t *testing.T, files map[string][]byte, extra ...string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := append([]string{manifestName, dataName, encryptedName}, extra...)
	for _, n := range names {
		b, ok := files[n]
		if !ok {
			continue
		}
		w, _ := zw.Create(n)
		w.Write(b)
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "rezipped"+Ext)
	os.WriteFile(path, buf.Bytes(), 0o600)
	return path
}

package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// foreign opens path as another program would: SQLite alone, no lock file.
func foreign(t *testing.T, path string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(fileURI(path)+"?_pragma=busy_timeout(100)"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// A '?', '#' or '%' in a path is part of the name: the file opened is the
// one named, and no other file appears beside it.
func TestOpenPathIsAPath(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows forbids ? in names")
	}
	dir := filepath.Join(t.TempDir(), "科室?共享#1%41")
	for _, name := range []string{"巡察?2026.db", "a#b.db", "c%3Fd.db", "e%23f.db"} {
		path := filepath.Join(dir, name)
		db, err := Open(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		db.Create(&County{Code: "C01", Name: "甲县"})
		got, err := DatabaseFile(db)
		if err != nil || got != path {
			t.Errorf("%s: DatabaseFile = %q, %v", name, got, err)
		}
		Close(db)
		db, err = OpenExisting(path)
		if err != nil {
			t.Fatalf("%s reopened: %v", name, err)
		}
		var n int64
		db.Model(&County{}).Count(&n)
		Close(db)
		if n != 1 {
			t.Errorf("%s: %d counties after reopening", name, n)
		}
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	want := "a#b.db a#b.db-lock c%3Fd.db c%3Fd.db-lock e%23f.db e%23f.db-lock 巡察?2026.db 巡察?2026.db-lock"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files in the folder:\n got %s\nwant %s", got, want)
	}
}

// OpenExisting refuses a path with no database; Open (demo, import) makes
// one there. Neither touches an empty file it refuses.
func TestOpenExistingRefusesMissingAndEmpty(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "输错的路径", "xuncha.db")
	if _, err := OpenExisting(missing); !errors.Is(err, ErrMissing) {
		t.Fatalf("missing: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Fatal("a refused open made the folder")
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if _, err := OpenExisting(empty); !errors.Is(err, ErrMissing) {
		t.Fatalf("0 bytes: %v", err)
	}
	if info, _ := os.Stat(empty); info.Size() != 0 {
		t.Fatal("the empty file was written")
	}
	for _, p := range []string{missing, empty} {
		db, err := Open(p)
		if err != nil {
			t.Fatalf("Open(%s): %v", p, err)
		}
		if info, _ := os.Stat(p); p == missing && runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
			t.Errorf("a new database has mode %v, want 0600", info.Mode().Perm())
		}
		v, _ := Version(db)
		Close(db)
		if v != SchemaVersion {
			t.Errorf("%s: version %d", p, v)
		}
	}
}

// Files that are SQLite but not this program's are refused by every open,
// and stay byte for byte as they were.
func TestOpenRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	plant := func(name string, stmts ...string) string {
		path := filepath.Join(dir, name)
		db := foreign(t, path)
		for _, s := range stmts {
			if err := db.Exec(s).Error; err != nil {
				t.Fatal(err)
			}
		}
		db.Exec("PRAGMA journal_mode=DELETE")
		Close(db)
		return path
	}
	meta := "CREATE TABLE meta (key text PRIMARY KEY, value text)"
	cases := []struct {
		name, path, want string
	}{
		{"别的程序的数据库", plant("other.db", "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('私人笔记')"), "notes"},
		{"本程序的表加别的表", plant("mixed.db", "CREATE TABLE counties (code text PRIMARY KEY, name text)", "CREATE TABLE notes (x TEXT)"), "notes"},
		{"版本为abc", plant("abc.db", meta, "INSERT INTO meta VALUES ('schema_version', 'abc')"), `"abc"`},
		{"版本为负数", plant("neg.db", meta, "INSERT INTO meta VALUES ('schema_version', '-5')"), `"-5"`},
		{"版本为零", plant("zero.db", meta, "INSERT INTO meta VALUES ('schema_version', '0')"), `"0"`},
		{"有元数据表无版本", plant("nover.db", meta), "没有版本记录"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			for _, open := range []func(string) (*gorm.DB, error){Open, OpenExisting} {
				_, err := open(c.path)
				var no *NotOursError
				if !errors.As(err, &no) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "不是本程序的数据库") {
					t.Fatalf("open = %v", err)
				}
			}
			after, _ := os.ReadFile(c.path)
			if !bytes.Equal(before, after) {
				t.Fatal("the file was changed")
			}
			if _, err := os.Stat(c.path + "-wal"); !os.IsNotExist(err) {
				t.Fatal("a WAL appeared beside the file")
			}
		})
	}
	// A database without tables is a new one for Open, not for OpenExisting.
	bare := plant("bare.db", "PRAGMA user_version = 7")
	if _, err := OpenExisting(bare); err == nil || !strings.Contains(err.Error(), "空数据库") {
		t.Fatalf("OpenExisting(no tables) = %v", err)
	}
	// A newer program's file is refused as such, not as another program's.
	newer := plant("newer.db", meta, "INSERT INTO meta VALUES ('schema_version', '99')")
	if _, err := OpenExisting(newer); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("newer: %v", err)
	}
}

// The lock file: an open database is shared, a restore takes it alone; an
// opener waits for the restore to end.
func TestLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xuncha.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	other, err := OpenExisting(path)
	if err != nil {
		t.Fatalf("two openers share the file: %v", err)
	}
	if _, err := LockExclusive(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("LockExclusive while open = %v", err)
	}
	Close(db)
	Close(other)
	x, err := LockExclusive(path)
	if err != nil {
		t.Fatalf("LockExclusive after close: %v", err)
	}
	opened := make(chan error, 1)
	go func() {
		db, err := OpenExisting(path)
		if err == nil {
			Close(db)
		}
		opened <- err
	}()
	select {
	case err := <-opened:
		t.Fatalf("opened during the exclusive hold: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	x.Release()
	if err := <-opened; err != nil {
		t.Fatalf("open after the release: %v", err)
	}
}

// Standalone is refused while another connection (here one of another
// program, which takes no lock file) has the file open, and otherwise
// leaves one file with nothing beside it.
func TestStandalone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xuncha.db")
	db, _ := Open(path)
	db.Create(&County{Code: "C01", Name: "甲县"})
	Close(db)
	viewer := foreign(t, path)
	var n int64
	viewer.Model(&County{}).Count(&n)
	x, err := LockExclusive(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Release()
	alone, err := x.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Standalone(alone); !errors.Is(err, ErrInUse) {
		t.Fatalf("Standalone beside another program = %v", err)
	}
	Close(alone)
	Close(viewer)
	alone, _ = x.Open(path)
	if err := Standalone(alone); err != nil {
		t.Fatal(err)
	}
	Close(alone)
	for _, s := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + s); !os.IsNotExist(err) {
			t.Errorf("%s left beside the file", s)
		}
	}
}

// CopyDatabase carries the transactions still in the source's WAL; a copy
// of the main file alone (the old restore) has lost them.
func TestCopyDatabaseBringsTheWAL(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	db, _ := Open(live)
	defer Close(db)
	db.Exec("PRAGMA wal_autocheckpoint = 0")
	for _, c := range []string{"C01", "C02", "C03"} {
		db.Create(&County{Code: c, Name: c})
	}
	src := filepath.Join(dir, "copied.db")
	for _, s := range []string{"", "-wal"} {
		b, err := os.ReadFile(live + s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(src+s, b, 0o600)
	}
	mainOnly := filepath.Join(dir, "main-only.db")
	b, _ := os.ReadFile(src)
	os.WriteFile(mainOnly, b, 0o600)
	count := func(path string) int64 {
		db, err := OpenReadOnly(path, true)
		if err != nil {
			t.Fatal(err)
		}
		defer Close(db)
		var n int64
		db.Model(&County{}).Count(&n)
		return n
	}
	if n := count(mainOnly); n != 0 {
		t.Fatalf("the main file alone has %d counties: the test did not leave them in the WAL", n)
	}
	dst := filepath.Join(dir, "dst.db")
	if err := CopyDatabase(src, dst); err != nil {
		t.Fatal(err)
	}
	if n := count(dst); n != 3 {
		t.Fatalf("copy has %d counties, want 3", n)
	}
}

// codeErr is an error as the driver gives it: a message and a code.
type codeErr struct {
	msg  string
	code int
}

func (e codeErr) Error() string { return e.msg }
func (e codeErr) Code() int     { return e.code }

// A locked file and a failing disk are not damage; each is explained in
// Chinese without the driver's English.
func TestExplain(t *testing.T) {
	cases := []struct {
		err     error
		damaged bool
		want    string
	}{
		{codeErr{"disk I/O error (4874)", 4874}, false, "未必损坏"},
		{codeErr{"database is locked (5)", 5}, false, "未必损坏"},
		{codeErr{"database table is locked (6)", 6}, false, "锁定"},
		{codeErr{"database or disk is full (13)", 13}, false, "磁盘空间已满"},
		{codeErr{"file is not a database (26)", 26}, true, "已损坏"},
		{codeErr{"database disk image is malformed (11)", 11}, true, "已损坏"},
		{ErrInUse, false, "正被其他程序使用"},
	}
	for _, c := range cases {
		why, ok := Explain(c.err)
		if !ok || !strings.Contains(why, c.want) || Damaged(c.err) != c.damaged {
			t.Errorf("%v: %q %v damaged=%v", c.err, why, ok, Damaged(c.err))
		}
	}
	if _, ok := Explain(errors.New("其他错误")); ok {
		t.Error("a plain error was explained")
	}
}

package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

func TestDatabaseFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "数据 目录", "巡察.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	got, err := DatabaseFile(db)
	if err != nil || got != path {
		t.Errorf("DatabaseFile = %q, %v; want %q", got, err, path)
	}
	mem, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer Close(mem)
	if got, err := DatabaseFile(mem); err != nil || got != "" {
		t.Errorf("DatabaseFile(:memory:) = %q, %v; want \"\"", got, err)
	}
}

// TestBusy holds the file's write lock in one connection and writes from
// another that does not wait: the second one's error is Busy.
func TestBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	tx := db.Begin()
	if err := tx.Create(&County{Code: "C01", Name: "甲县"}).Error; err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	other, err := gorm.Open(sqlite.Open(path+"?_pragma=busy_timeout(0)&_txlock=immediate"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer Close(other)
	err = other.Create(&County{Code: "C02", Name: "乙县"}).Error
	if err == nil {
		t.Fatal("a second writer got the lock")
	}
	if !Busy(err) || !Busy(fmt.Errorf("保存失败: %w", err)) {
		t.Errorf("Busy(%v) = false", err)
	}
	if ReadOnly(err) || DiskFull(err) {
		t.Errorf("%v taken for read-only or disk full", err)
	}
	for _, e := range []error{nil, errors.New("database is locked"), gorm.ErrDuplicatedKey} {
		if Busy(e) || ReadOnly(e) || DiskFull(e) {
			t.Errorf("%v classified as a SQLite condition", e)
		}
	}
}

// TestReadOnly writes through a read-only connection.
func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
	ro, err := gorm.Open(sqlite.Open("file:"+path+"?mode=ro"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer Close(ro)
	err = ro.Create(&County{Code: "C01", Name: "甲县"}).Error
	if !ReadOnly(err) || Busy(err) {
		t.Errorf("ReadOnly(%v) = false", err)
	}
}

// TestNotADatabase opens what is no database: a workbook, a folder.
func TestNotADatabase(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "名单.xlsx")
	if err := os.WriteFile(book, append([]byte("PK\x03\x04"), make([]byte, 200)...), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(book)
	if !Damaged(err) || CantOpen(err) || Busy(err) {
		t.Errorf("Open(workbook): Damaged(%v) = false", err)
	}
	_, err = Open(dir)
	if err == nil || !strings.Contains(err.Error(), "文件夹") || Damaged(err) {
		t.Errorf("Open(folder) = %v", err)
	}
	if _, err := os.Stat(dir + LockSuffix); !os.IsNotExist(err) {
		t.Errorf("opening a folder left a lock file beside it: %v", err)
	}
}

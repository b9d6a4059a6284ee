package model

import (
	"path/filepath"
	"testing"
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

package model

import (
	"path/filepath"
	"testing"

	"gorm.io/gorm"

	"xuncha/app/vocab"
)

func TestOpenCreatesSchemaAndIsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "数据 目录", "测试.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Create(&County{Code: "C01", Name: "甲县"}).Error; err != nil {
		t.Fatal(err)
	}
	Close(db)
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	v, err := Version(db)
	if err != nil || v != SchemaVersion {
		t.Fatalf("version = %d, %v; want %d", v, err, SchemaVersion)
	}
	var n int64
	db.Model(&County{}).Count(&n)
	if n != 1 {
		t.Fatalf("counties after reopen = %d, want 1", n)
	}
	var mode string
	db.Raw("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	if probs, err := IntegrityCheck(db); err != nil || probs != nil {
		t.Errorf("integrity = %v, %v", probs, err)
	}
}

func TestForeignKeysEnforced(t *testing.T) {
	db := testDB(t)
	err := db.Create(&Unit{Code: "U1", Name: "某局", CountyCode: "NOPE", Category: vocab.CatCountyOrgan}).Error
	if err == nil {
		t.Fatal("unit with a missing county was accepted")
	}
}

// An older file (here: one made before the Override table and the team
// units' report date existed) is upgraded without losing its rows.
func TestMigrateUpgradesOlderFile(t *testing.T) {
	_, db := upgradedFile(t, "old.db",
		"CREATE TABLE counties (code text PRIMARY KEY, name text NOT NULL)",
		"CREATE TABLE team_units (id integer PRIMARY KEY AUTOINCREMENT, team_id integer NOT NULL, round_code text NOT NULL, unit_code text NOT NULL)",
		"INSERT INTO counties VALUES ('C01', '甲县')",
		"INSERT INTO team_units (team_id, round_code, unit_code) VALUES (1, 'R1', 'U1')",
	)
	defer Close(db)
	var c County
	if err := db.First(&c, "code = ?", "C01").Error; err != nil || c.Name != "甲县" {
		t.Fatalf("county lost in upgrade: %+v %v", c, err)
	}
	var tu TeamUnit
	if err := db.First(&tu).Error; err != nil || tu.UnitCode != "U1" {
		t.Fatalf("team unit after upgrade: %+v %v", tu, err)
	}
	if !db.Migrator().HasTable(&Override{}) {
		t.Fatal("overrides table not added")
	}
}

func TestBackupTo(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(filepath.Join(dir, "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	db.Create(&County{Code: "C01", Name: "甲县"})
	if err := BackupTo(db, filepath.Join(dir, "备份 1.db")); err != nil {
		t.Fatal(err)
	}
	b, err := Open(filepath.Join(dir, "备份 1.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer Close(b)
	var n int64
	b.Model(&County{}).Count(&n)
	if n != 1 {
		t.Fatalf("backup has %d counties", n)
	}
}

// upgradedFile writes a database file of an earlier version, name in a
// temporary folder, with the SQL stmts, and opens it as the program does
// (which upgrades it). The caller closes the database.
func upgradedFile(t *testing.T, name string, stmts ...string) (string, *gorm.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	db, err := openSQLite(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range stmts {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	Close(db)
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, db
}

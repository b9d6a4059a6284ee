package model

// This file holds everything that is particular to SQLite. The rest of the
// package speaks plain gorm, so that a shared PostgreSQL server can later take
// the place of the desktop file.

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// dsn builds the connection string for a database file: foreign keys on, WAL,
// a busy timeout, and immediate write transactions so that two writers wait
// for each other instead of failing half-way.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_txlock", "immediate")
	if path == ":memory:" {
		return "file::memory:?" + q.Encode()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	// The driver cuts the name at the first '?': escape it, and keep the
	// rest of the path (Chinese characters, spaces) as it is.
	return strings.ReplaceAll(abs, "?", "%3F") + "?" + q.Encode()
}

func openSQLite(path string) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{
		Logger:                                   logger.Discard,
		DisableForeignKeyConstraintWhenMigrating: false,
		TranslateError:                           true,
	})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if path == ":memory:" {
		// Every connection to :memory: is a database of its own.
		sqlDB.SetMaxOpenConns(1)
	}
	return db, nil
}

// IntegrityCheck runs SQLite's integrity check and returns its complaints;
// nil means the file is sound.
func IntegrityCheck(db *gorm.DB) ([]string, error) {
	var rows []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 1 && rows[0] == "ok" {
		return nil, nil
	}
	return rows, nil
}

// BackupTo writes a consistent copy of the database to path (which must not
// exist) while the database stays in use.
func BackupTo(db *gorm.DB, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if err := db.Exec("VACUUM INTO ?", abs).Error; err != nil {
		return fmt.Errorf("备份到 %s 失败: %w", abs, err)
	}
	return nil
}

// foreignKeysOff and foreignKeysOn bracket migrations that rebuild tables.
func foreignKeysOff(db *gorm.DB) error { return db.Exec("PRAGMA foreign_keys = OFF").Error }
func foreignKeysOn(db *gorm.DB) error  { return db.Exec("PRAGMA foreign_keys = ON").Error }

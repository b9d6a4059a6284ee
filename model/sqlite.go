package model

// This file holds everything that is particular to SQLite. The rest of the
// package speaks plain gorm, so that a shared PostgreSQL server can later take
// the place of the desktop file.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"
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

// DatabaseFile returns the file behind db; "" for an in-memory database.
func DatabaseFile(db *gorm.DB) (string, error) {
	var rows []struct {
		Seq  int
		Name string
		File string
	}
	if err := db.Raw("PRAGMA database_list").Scan(&rows).Error; err != nil {
		return "", err
	}
	for _, r := range rows {
		if r.Name == "main" {
			return r.File, nil
		}
	}
	return "", nil
}

// SQLite's primary result codes that an office can meet: the file locked
// by another writer, a read-only file or share, a damaged file or one that
// is no database, a full disk, a file that cannot be opened at all.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// sqliteCode returns the primary SQLite result code behind err, 0 when err
// does not come from the driver.
func sqliteCode(err error) int {
	var e interface{ Code() int }
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

// Busy reports whether err says the database file is locked: another
// program, or another user of a shared file, kept it for writing longer
// than the busy timeout.
func Busy(err error) bool {
	c := sqliteCode(err)
	return c == sqliteBusy || c == sqliteLocked
}

// ReadOnly reports whether err says the database cannot be written: the
// file, its folder or the share is read-only.
func ReadOnly(err error) bool { return sqliteCode(err) == sqliteReadOnly }

// DiskFull reports whether err says the disk is full.
func DiskFull(err error) bool { return sqliteCode(err) == sqliteFull }

// Damaged reports whether err says the file is no SQLite database, or a
// damaged one.
func Damaged(err error) bool {
	c := sqliteCode(err)
	return c == sqliteNotADB || c == sqliteCorrupt
}

// CantOpen reports whether err says the file cannot be opened at all: a
// folder, a missing path, no access.
func CantOpen(err error) bool { return sqliteCode(err) == sqliteCantOpen }

// foreignKeysOff and foreignKeysOn bracket migrations that rebuild tables.
func foreignKeysOff(db *gorm.DB) error { return db.Exec("PRAGMA foreign_keys = OFF").Error }
func foreignKeysOn(db *gorm.DB) error  { return db.Exec("PRAGMA foreign_keys = ON").Error }

// isSQLite reports whether db speaks SQLite.
func isSQLite(db *gorm.DB) bool { return db.Dialector.Name() == "sqlite" }

// deferForeignKeysSQLite defers foreign-key checks to the commit.
func deferForeignKeysSQLite(tx *gorm.DB) error {
	return tx.Exec("PRAGMA defer_foreign_keys = ON").Error
}

// insertBatch is the rows per INSERT statement.
const insertBatch = 1000

// insertSQLite writes new rows in batches of INSERT … SELECT from json_each(?):
// one short statement and one parameter per batch. (gorm's Create reads
// back every column with a default and scans it, and the SQLite driver
// parses each statement anew and binds parameters in time quadratic in
// their number: at a province's scale a plain multi-row INSERT spends more
// time on those than on the insert itself.) An auto-increment id is left
// to the database; callers that need the ids read them back.
func insertSQLite[T any](tx *gorm.DB, rows []T) error {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(&rows[0]); err != nil {
		return err
	}
	var fields []*schema.Field
	var names, values []string
	for _, f := range stmt.Schema.Fields {
		if f.DBName == "" || !f.Creatable || f.AutoIncrement {
			continue
		}
		values = append(values, fmt.Sprintf("j.value->>%d", len(fields)))
		fields = append(fields, f)
		names = append(names, `"`+f.DBName+`"`)
	}
	q := `INSERT INTO "` + stmt.Schema.Table + `" (` + strings.Join(names, ",") + ") SELECT " +
		strings.Join(values, ",") + " FROM json_each(?) AS j"
	ctx := tx.Statement.Context
	batch := make([][]any, 0, insertBatch)
	for start := 0; start < len(rows); start += insertBatch {
		end := min(start+insertBatch, len(rows))
		batch = batch[:0]
		for i := start; i < end; i++ {
			rv := reflect.ValueOf(&rows[i]).Elem()
			row := make([]any, len(fields))
			for k, f := range fields {
				v, _ := f.ValueOf(ctx, rv)
				row[k] = plain(v)
			}
			batch = append(batch, row)
		}
		text, err := json.Marshal(batch)
		if err != nil {
			return err
		}
		if _, err := tx.Statement.ConnPool.ExecContext(ctx, q, string(text)); err != nil {
			return err
		}
	}
	return nil
}

// plain turns a nil pointer into NULL and a pointer into its value.
func plain(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return v
	}
	if rv.IsNil() {
		return nil
	}
	return rv.Elem().Interface()
}

package model

// This file holds everything that is particular to SQLite. The rest of the
// package speaks plain gorm, so that a shared PostgreSQL server can later take
// the place of the desktop file.

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	gosqlite "github.com/glebarez/go-sqlite"
	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"
)

// dsn builds the connection string for a database file: foreign keys on, a
// busy timeout, and immediate write transactions so that two writers wait
// for each other instead of failing half-way. WAL is set once the file is
// known to be this program's (useWAL): it is written into the file.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_txlock", "immediate")
	if path == ":memory:" {
		return "file::memory:?" + q.Encode()
	}
	return fileURI(path) + "?" + q.Encode()
}

// fileURI is the SQLite URI of the file at path ("file:/C:/…" on Windows).
// A path is a path: '?', '#' and '%' in it are escaped, so that a folder
// named "a?b" is not read as "a" with a query, and nothing else of the path
// (Chinese, spaces) is touched.
func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	switch {
	case strings.HasPrefix(p, "//"): // \\server\share on Windows: an empty authority, then the UNC path
		p = "//" + p
	case !strings.HasPrefix(p, "/"): // C:/…
		p = "/" + p
	}
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
}

// lockedConnector opens SQLite connections for one *sql.DB and releases the
// database's lock file when that DB is closed.
type lockedConnector struct {
	dsn  string
	lock *fileLock
}

func (c *lockedConnector) Connect(context.Context) (driver.Conn, error) {
	return (&gosqlite.Driver{}).Open(c.dsn)
}

func (c *lockedConnector) Driver() driver.Driver { return &gosqlite.Driver{} }

// Close is called by sql.DB.Close once its connections are closed.
func (c *lockedConnector) Close() error {
	c.lock.release()
	return nil
}

// openSQLite opens the database file at path with the program's settings;
// lock (nil: none) is released when the database is closed.
func openSQLite(path string, lock *fileLock) (*gorm.DB, error) {
	return openDSN(dsn(path), lock, path == ":memory:")
}

func openDSN(dsn string, lock *fileLock, memory bool) (*gorm.DB, error) {
	sqlDB := sql.OpenDB(&lockedConnector{dsn: dsn, lock: lock})
	if memory {
		// Every connection to :memory: is a database of its own.
		sqlDB.SetMaxOpenConns(1)
	}
	db, err := gorm.Open(sqlite.Dialector{Conn: sqlDB}, &gorm.Config{
		Logger:                                   logger.Discard,
		DisableForeignKeyConstraintWhenMigrating: false,
		TranslateError:                           true,
	})
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

// useWAL puts the database into WAL mode, which lasts in the file: readers
// do not wait for a writer.
func useWAL(db *gorm.DB) error { return db.Exec("PRAGMA journal_mode = WAL").Error }

// OpenToCheck opens the existing database file at path for the check at
// start: read-write (so that SQLite first recovers what a crash left in
// its WAL), holding the lock file shared as Open does, without migrating.
func OpenToCheck(path string) (*gorm.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("找不到文件 %s", path)
	}
	lock, err := acquire(path, false, openWait, ErrRestoring)
	if err != nil {
		return nil, err
	}
	db, err := openSQLite(path, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	if err := quickBusy(db); err != nil {
		return nil, err
	}
	return db, nil
}

// OpenReadOnly opens the database file at path read-only, without locks
// of this program. immutable is for a backup that nobody writes: SQLite
// then takes no locks and reads no WAL. Otherwise SQLite reads what the
// file's WAL holds too.
func OpenReadOnly(path string, immutable bool) (*gorm.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("找不到文件 %s", path)
	}
	q := "?mode=ro&_pragma=busy_timeout(10000)"
	if immutable {
		q = "?mode=ro&immutable=1"
	}
	return openDSN(fileURI(path)+q, nil, false)
}

// Open opens path, the held database itself or a file private to the
// holder (a restore's copy beside it), read-write without migrating and
// without the shared lock: x stands for it.
// It has one connection and waits at most a few seconds for another
// program's lock.
func (x *Exclusive) Open(path string) (*gorm.DB, error) {
	db, err := openSQLite(path, nil)
	if err == nil {
		err = quickBusy(db)
	}
	if err != nil {
		return nil, err
	}
	return db, nil
}

// quickBusy gives db one connection that waits less than a writer does, so
// that a file another program keeps locked is reported within seconds.
func quickBusy(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err == nil {
		sqlDB.SetMaxOpenConns(1)
		err = db.Exec("PRAGMA busy_timeout = 3000").Error
	}
	if err != nil {
		Close(db)
	}
	return err
}

// integrityCheckSQLite runs SQLite's integrity check and returns its
// complaints; nil means the file is sound.
func integrityCheckSQLite(db *gorm.DB) ([]string, error) {
	var rows []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 1 && rows[0] == "ok" {
		return nil, nil
	}
	return rows, nil
}

// backupToSQLite writes a consistent copy of the database file to path
// (which must not exist) while the database stays in use.
func backupToSQLite(db *gorm.DB, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if err := db.Exec("VACUUM INTO ?", abs).Error; err != nil {
		for _, s := range []string{"-journal", "-wal"} {
			os.Remove(abs + s) // what SQLite kept beside a copy it could not finish
		}
		return Explaining("复制数据库失败", err)
	}
	return nil
}

// CopyDatabase writes a consistent copy of the database file at src to dst
// (which must not exist), with what src's WAL holds: a copy of the file
// alone would drop the transactions still in its WAL. src is opened
// read-only; when SQLite cannot read its WAL that way (a read-only folder
// without the WAL's index), src and its WAL are first copied into a
// private folder beside dst and opened there.
func CopyDatabase(src, dst string) error {
	db, err := OpenReadOnly(src, false)
	if err == nil {
		err = backupToSQLite(db, dst)
		Close(db)
	}
	if err == nil || Damaged(err) || DiskFull(err) {
		return err
	}
	os.Remove(dst)
	dir, derr := os.MkdirTemp(filepath.Dir(dst), ".restore-src-")
	if derr != nil {
		return errors.Join(err, derr)
	}
	defer os.RemoveAll(dir)
	priv := filepath.Join(dir, "src.db")
	for _, s := range []string{"", "-wal"} {
		if cerr := copyPlain(src+s, priv+s); cerr != nil && !(s != "" && errors.Is(cerr, os.ErrNotExist)) {
			return cerr
		}
	}
	db, err = openSQLite(priv, nil)
	if err != nil {
		return err
	}
	defer Close(db)
	return backupToSQLite(db, dst)
}

// copyPlain copies the file src to dst byte for byte.
func copyPlain(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Standalone makes the database db the only connection of (opened through
// Exclusive.Open) one file with nothing beside it: it moves what its WAL
// holds into the file and leaves WAL mode, which removes the WAL and its
// index. SQLite allows that only to a connection that is alone on the
// file: when any other connection has it open — this program in another
// process, or another program that does not take the lock file — the
// answer is ErrInUse. The next Open puts the file back into WAL mode.
func Standalone(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(1)
	if err := db.Exec("PRAGMA busy_timeout = 2000").Error; err != nil {
		return err
	}
	var mode string
	err = db.Raw("PRAGMA journal_mode = DELETE").Scan(&mode).Error
	if Busy(err) || (err == nil && mode != "delete") {
		return ErrInUse
	}
	return err
}

// databaseFileSQLite returns the file behind db; "" for an in-memory
// database.
func databaseFileSQLite(db *gorm.DB) (string, error) {
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
	sqliteIOErr    = 10
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

// sqliteBusy … report SQLite's conditions; errors.go sorts them with the
// server's.
func sqliteBusyErr(err error) bool {
	c := sqliteCode(err)
	return c == sqliteBusy || c == sqliteLocked
}
func sqliteReadOnlyErr(err error) bool { return sqliteCode(err) == sqliteReadOnly }
func sqliteFullErr(err error) bool     { return sqliteCode(err) == sqliteFull }
func sqliteDamagedErr(err error) bool {
	c := sqliteCode(err)
	return c == sqliteNotADB || c == sqliteCorrupt
}
func sqliteCantOpenErr(err error) bool { return sqliteCode(err) == sqliteCantOpen }
func sqliteIOError(err error) bool     { return sqliteCode(err) == sqliteIOErr }

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

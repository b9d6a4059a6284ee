package model

// What the database does differently on a desktop file (SQLite) and on a
// shared server (PostgreSQL), each behind one function: the file's own
// ways are in sqlite.go, the server's in postgres.go.

import (
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/gorm"
)

// OnServer reports whether db is a database on a server (PostgreSQL)
// rather than a file.
func OnServer(db *gorm.DB) bool { return !isSQLite(db) }

// ServerURL is the URL, without its password, of the server database db
// was opened with; "" for a file.
func ServerURL(db *gorm.DB) string {
	if dsn := serverDSN(db); dsn != "" {
		return Redacted(dsn)
	}
	return ""
}

// ConnURL is the URL db was opened with, to open it again (after a
// restore); "" for a file. It may hold a password the user gave in it.
func ConnURL(db *gorm.DB) string { return serverDSN(db) }

// IntegrityCheck checks the database and returns its complaints; nil
// means it is sound. On a file it is SQLite's integrity check; on a server
// (which guards its own pages) it is a connection and schema check: this
// build's schema version, and every table and column there.
func IntegrityCheck(db *gorm.DB) ([]string, error) {
	if isSQLite(db) {
		return integrityCheckSQLite(db)
	}
	v, err := Version(db)
	if err != nil {
		return nil, Explaining("无法读取服务器上的数据库", err)
	}
	var out []string
	if v != SchemaVersion {
		out = append(out, fmt.Sprintf("数据库结构版本为 %d，本程序为 %d", v, SchemaVersion))
	}
	return append(out, serverSchemaProblems(db)...), nil
}

// BackupTo writes a consistent copy of the database to path (which must
// not exist) while the database stays in use: on a file by SQLite's
// VACUUM INTO; on a server, a table-by-table copy into a new SQLite file
// (CopyAll), so that a server's backup is the same kind of file a
// desktop's is, and can be restored into either.
func BackupTo(db *gorm.DB, path string) error {
	if isSQLite(db) {
		return backupToSQLite(db, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	return copyToNewFile(db, abs)
}

// DatabaseFile returns the file behind db; "" for an in-memory database.
// A server database has none: its ServerPath stands for it (the backups'
// names and default folder).
func DatabaseFile(db *gorm.DB) (string, error) {
	if isSQLite(db) {
		return databaseFileSQLite(db)
	}
	dsn := serverDSN(db)
	if dsn == "" {
		return "", fmt.Errorf("不是通过本程序打开的服务器数据库")
	}
	return ServerPath(dsn), nil
}

// RestoreServer puts the backup file at from (a SQLite database of this
// program, a desktop's or a server's backup) in the place of the data of
// the server database dsn, in one transaction: the tables emptied, the
// backup's rows copied in, record (the restore's audit entry) written into
// the restored data, and committed, or nothing changed. It takes the
// database alone first: refused (ErrServerInUse) while any other client
// is connected; clients that start meanwhile wait for it. The caller
// closes its own connections first. The backup is first copied into a
// private folder and brought to this build's schema.
func RestoreServer(dsn, from string, record func(tx *gorm.DB) error) error {
	dir, err := os.MkdirTemp("", "xuncha-restore-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "backup.db")
	if err := CopyDatabase(from, tmp); err != nil {
		return Explaining("读取备份失败", err)
	}
	src, err := openSQLite(tmp, nil)
	if err != nil {
		return err
	}
	defer Close(src)
	if err := Migrate(src); err != nil {
		return fmt.Errorf("备份升级失败: %w", err)
	}
	db, release, err := takeServerAlone(dsn)
	if err != nil {
		return err
	}
	defer release()
	var tables []string
	for _, e := range copied() {
		tables = append(tables, tableOf(db, e))
	}
	return db.Transaction(func(tx *gorm.DB) error {
		tx = tx.Set(aloneKey, true).Session(&gorm.Session{})
		if err := emptyServerTables(tx, tables); err != nil {
			return err
		}
		if err := copyRows(src, tx); err != nil {
			return err
		}
		counts, err := Compare(src, tx)
		if err != nil {
			return err
		}
		if !AllSame(counts) {
			return fmt.Errorf("恢复后核对不一致，未恢复")
		}
		return record(tx)
	})
}

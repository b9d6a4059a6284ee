package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SchemaVersion is the version of the schema this build writes. Each step in
// migrations brings a file from the version before it to its own.
const SchemaVersion = 6

// StoredTimeLayout is how a time that decides something (an account's
// lock, an audit entry's time) is stored: in UTC, marked Z, so that it
// means the same instant whatever the reader's time zone.
const StoredTimeLayout = "2006-01-02T15:04:05Z"

// migration upgrades a database from version To-1 to To. Steps that only add
// tables or columns are done by AutoMigrate; a step here moves data.
type migration struct {
	To   int
	Name string
	Run  func(tx *gorm.DB) error
}

// migrations lists the data-moving steps, oldest first.
var migrations = []migration{
	{To: 2, Name: "账户锁定时间改存 UTC", Run: lockTimesToUTC},
	{To: 3, Name: "鉴定状态", Run: confirmEvaluations},
	{To: 4, Name: "整改报告收到日期改为节点", Run: migrateReportReceived},
	{To: 5, Name: "回避豁免的状态", Run: migrateOverrideStatus},
	{To: 6, Name: "巡察类型与组织方式分开", Run: splitRoundTypes},
}

// legacyLockFor is how long versions before 2 locked an account.
const legacyLockFor = 15 * time.Minute

// lockTimesToUTC rewrites the lock times of version 1, written in the
// local time of whichever process locked the account (zone unknown), as
// UTC. The zone cannot be recovered, so the rewrite leans to safety: a
// lock that has run out wherever it was written (read in the zone furthest
// west, UTC-12) is cleared; any other is kept for a full lock from now.
func lockTimesToUTC(tx *gorm.DB) error {
	var users []User
	if err := tx.Where("locked_until <> '' AND locked_until NOT LIKE '%Z'").Find(&users).Error; err != nil {
		return err
	}
	now := time.Now().UTC()
	west := time.FixedZone("UTC-12", -12*3600)
	for _, u := range users {
		until := ""
		t, err := time.ParseInLocation("2006-01-02 15:04:05", u.LockedUntil, west)
		if err != nil || now.Before(t) {
			until = now.Add(legacyLockFor).Format(StoredTimeLayout)
		}
		if err := tx.Model(&User{}).Where("name = ?", u.Name).Update("locked_until", until).Error; err != nil {
			return err
		}
	}
	return nil
}

// ErrNewerSchema is returned when the file was written by a newer program.
var ErrNewerSchema = errors.New("数据库文件由更新版本的程序创建，请升级程序 (database was written by a newer version)")

// ErrMissing says --db names no database: the file does not exist, or is
// empty (0 bytes, as a creation cut short leaves it).
var ErrMissing = errors.New("数据库文件不存在或为空")

// NotOursError says a file is an SQLite database, but not one of this
// program's: another program's tables, or a version record this program
// never writes. Nothing is written to it.
type NotOursError struct {
	Path, Why string
}

func (e *NotOursError) Error() string {
	return fmt.Sprintf("%s 不是本程序的数据库：%s，未作任何改动", e.Path, e.Why)
}

// Open opens the database file at path, an in-memory database for
// ":memory:", or the database on a server for a postgres:// URL (see
// IsServer), and brings its schema up to date. A missing or empty file
// becomes a new database (demo, import and the first start create one
// this way); a file that is another program's is refused.
func Open(path string) (*gorm.DB, error) { return open(path, true) }

// OpenExisting opens the database at path as Open does, but refuses a path
// with no database yet (ErrMissing): a mistyped --db must not become a new
// empty database.
func OpenExisting(path string) (*gorm.DB, error) { return open(path, false) }

func open(path string, create bool) (*gorm.DB, error) {
	if IsServer(path) {
		return openServer(path, create)
	}
	if path == ":memory:" {
		db, err := openSQLite(path, nil)
		if err == nil {
			err = Migrate(db)
		}
		return db, err
	}
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		return nil, fmt.Errorf("%s 是文件夹，不是数据库文件", path)
	}
	if err != nil || info.Size() == 0 {
		if !create && (err == nil || errors.Is(err, os.ErrNotExist)) {
			return nil, fmt.Errorf("%s: %w", path, ErrMissing)
		}
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("无法创建数据目录 %s: %w", dir, err)
			}
		}
		// A new database is its owner's alone (it holds password hashes);
		// SQLite gives its WAL the same mode.
		if f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
			f.Close()
		}
	}
	if err == nil && info.Size() > 0 {
		// Look before taking the lock: a file that is not this program's
		// gets nothing written, not even a lock file beside it.
		if err := identifyFile(path); err != nil {
			return nil, err
		}
	}
	lock, err := acquire(path, false, openWait, ErrRestoring)
	if err != nil {
		return nil, err
	}
	db, err := openSQLite(path, lock)
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("无法打开数据库 %s: %w", path, err)
	}
	if _, err := Identify(db, path, create); err != nil {
		Close(db)
		return nil, err
	}
	if err := useWAL(db); err != nil {
		Close(db)
		return nil, fmt.Errorf("无法打开数据库 %s: %w", path, err)
	}
	if err := Migrate(db); err != nil {
		Close(db)
		return nil, err
	}
	return db, nil
}

// identifyFile runs Identify over a read-only connection to the file at
// path.
func identifyFile(path string) error {
	db, err := OpenReadOnly(path, false)
	if err != nil {
		return fmt.Errorf("无法打开数据库 %s: %w", path, err)
	}
	defer Close(db)
	_, err = Identify(db, path, true)
	return err
}

// Identify checks that db (the file at path) is this program's database and
// returns its schema version: a version record this program writes, or,
// in a file from before version records, only tables of this program. A
// file without tables is a new database when empty is true, and not this
// program's otherwise.
func Identify(db *gorm.DB, path string, empty bool) (int, error) {
	tables, err := db.Migrator().GetTables()
	if err != nil {
		return 0, fmt.Errorf("无法读取数据库 %s: %w", path, err)
	}
	if len(tables) == 0 {
		if empty {
			return 0, nil
		}
		return 0, &NotOursError{path, "其中没有任何数据表（空数据库）"}
	}
	if db.Migrator().HasTable(&Meta{}) {
		v, err := Version(db)
		var bad *badVersionError
		if errors.As(err, &bad) {
			return 0, &NotOursError{path, bad.Error()}
		}
		if err == nil && v == 0 {
			return 0, &NotOursError{path, "其中没有版本记录"}
		}
		return v, err
	}
	ours := map[string]bool{}
	for _, m := range All() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err == nil {
			ours[stmt.Schema.Table] = true
		}
	}
	for _, t := range tables {
		if !ours[t] && !strings.HasPrefix(t, "sqlite_") { // SQLite's own, such as the AUTOINCREMENT counters
			return 0, &NotOursError{path, fmt.Sprintf("其中有本程序不使用的数据表 %s，且没有版本记录", t)}
		}
	}
	return 0, nil
}

// Close closes the database's connections.
func Close(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	closeServer(sqlDB)
	return sqlDB.Close()
}

// Version reports the schema version recorded in the file (0 for a new or
// pre-versioning file). A record that is no version this program writes
// (not a whole number from 1 up) is an error that says so.
func Version(db *gorm.DB) (int, error) {
	if !db.Migrator().HasTable(&Meta{}) {
		return 0, nil
	}
	var m Meta
	err := db.Where("key = ?", "schema_version").Limit(1).Find(&m).Error
	if err != nil || m.Key == "" {
		return 0, err
	}
	v, err := strconv.Atoi(m.Value)
	if err != nil || v < 1 {
		return 0, &badVersionError{m.Value}
	}
	return v, nil
}

// badVersionError is a schema_version that this program never writes.
type badVersionError struct{ value string }

func (e *badVersionError) Error() string {
	return fmt.Sprintf("版本记录 schema_version 为 %q，不是本程序写入的值", e.value)
}

// Migrate brings the schema to SchemaVersion: it adds what is missing
// (tables, columns, indexes) and runs the data steps the file has not had,
// all in one transaction, so a file is either upgraded whole or left as it
// was.
func Migrate(db *gorm.DB) error {
	if !isSQLite(db) {
		return migrateServer(db, migrate)
	}
	if err := foreignKeysOff(db); err != nil {
		return err
	}
	defer foreignKeysOn(db)
	return db.Transaction(migrate)
}

// migrate is Migrate's transaction. On a server it runs under the
// migration's advisory lock (migrateServer), so the version it reads is
// the one the clients that started before left.
func migrate(tx *gorm.DB) error {
	have, err := Version(tx)
	if err != nil {
		return fmt.Errorf("读取数据库版本失败：%w", err)
	}
	if have > SchemaVersion {
		return ErrNewerSchema
	}
	if err := tx.AutoMigrate(All()...); err != nil {
		return fmt.Errorf("升级数据库结构失败: %w", err)
	}
	for _, m := range migrations {
		if m.To <= have {
			continue
		}
		if err := m.Run(tx); err != nil {
			return fmt.Errorf("数据库升级步骤 %d (%s) 失败: %w", m.To, m.Name, err)
		}
	}
	return tx.Save(&Meta{Key: "schema_version", Value: strconv.Itoa(SchemaVersion)}).Error
}

// DefaultPath is where the database lives when --db does not name one: the
// user's configuration directory (%APPDATA% on Windows), folder xuncha.
func DefaultPath() string {
	dir, err := os.UserConfigDir()
	if err != nil || dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "xuncha", "xuncha.db")
}

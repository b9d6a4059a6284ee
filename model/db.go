package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"gorm.io/gorm"
)

// SchemaVersion is the version of the schema this build writes. Each step in
// migrations brings a file from the version before it to its own.
const SchemaVersion = 2

// migration upgrades a database from version To-1 to To. Steps that only add
// tables or columns are done by AutoMigrate; a step here moves data.
type migration struct {
	To   int
	Name string
	Run  func(tx *gorm.DB) error
}

// migrations lists the data-moving steps, oldest first.
var migrations = []migration{
	{To: 2, Name: "回避豁免的状态", Run: migrateOverrideStatus},
}

// ErrNewerSchema is returned when the file was written by a newer program.
var ErrNewerSchema = errors.New("数据库文件由更新版本的程序创建，请升级程序 (database was written by a newer version)")

// Open opens (creating if need be) the database file at path, or an
// in-memory database for ":memory:", and brings its schema up to date.
func Open(path string) (*gorm.DB, error) {
	if path != ":memory:" {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("无法创建数据目录 %s: %w", dir, err)
			}
		}
	}
	db, err := openSQLite(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s: %w", path, err)
	}
	if err := Migrate(db); err != nil {
		Close(db)
		return nil, err
	}
	return db, nil
}

// Close closes the database's connections.
func Close(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Version reports the schema version recorded in the file (0 for a new or
// pre-versioning file).
func Version(db *gorm.DB) (int, error) {
	if !db.Migrator().HasTable(&Meta{}) {
		return 0, nil
	}
	var m Meta
	err := db.Where("key = ?", "schema_version").Limit(1).Find(&m).Error
	if err != nil || m.Value == "" {
		return 0, err
	}
	return strconv.Atoi(m.Value)
}

// Migrate brings the schema to SchemaVersion: it adds what is missing
// (tables, columns, indexes) and runs the data steps the file has not had,
// all in one transaction, so a file is either upgraded whole or left as it
// was.
func Migrate(db *gorm.DB) error {
	have, err := Version(db)
	if err != nil {
		return fmt.Errorf("读取数据库版本失败: %w", err)
	}
	if have > SchemaVersion {
		return ErrNewerSchema
	}
	if err := foreignKeysOff(db); err != nil {
		return err
	}
	defer foreignKeysOn(db)
	err = db.Transaction(func(tx *gorm.DB) error {
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
	})
	return err
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

package model

// The table-by-table copy between two databases of this program, SQLite
// or PostgreSQL either way: `xuncha migrate` moves a desktop file to the
// server (and back), a backup of a server database is a copy into a new
// SQLite file (the same kind of file a desktop's backup is), and a
// restore into a server copies a backup file in. One copier for all of
// them, checked the same way: the rows of each table counted on both
// sides, and each table's rows compared, field by field, through a digest.

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/schema"
)

// TableCount is one table of a copy: its rows on each side and whether
// the two sides hold the same rows.
type TableCount struct {
	Table    string
	From, To int64
	Same     bool
}

// copied lists the entities a copy carries, in the order of All (parents
// before children): every table but meta, which each database keeps for
// itself (its schema version).
func copied() []any {
	var out []any
	for _, e := range All() {
		if _, ok := e.(*Meta); !ok {
			out = append(out, e)
		}
	}
	return out
}

// copyBatch is the rows read and written at a time: within SQLite's and
// PostgreSQL's limits on a statement's parameters for every table.
const copyBatch = 200

// ErrNotEmpty refuses a copy into a database that already holds data.
type ErrNotEmpty struct {
	Table string
	Rows  int64
}

func (e *ErrNotEmpty) Error() string {
	return fmt.Sprintf("目标数据库已有数据（表 %s 有 %d 行），未复制；请使用新建的空数据库", e.Table, e.Rows)
}

// CopyAll copies every row of src into dst, a migrated database of this
// program with no rows yet, in one transaction on dst: all or nothing. src
// is read in one consistent read. Both must have this build's schema
// version. Afterwards it compares the two sides table by table (Compare).
func CopyAll(src, dst *gorm.DB) ([]TableCount, error) {
	if err := sameVersion(src, dst); err != nil {
		return nil, err
	}
	err := readConsistent(src, func(rtx *gorm.DB) error {
		return dst.Transaction(func(tx *gorm.DB) error {
			for _, e := range copied() {
				var n int64
				if err := tx.Model(e).Count(&n).Error; err != nil {
					return err
				}
				if n > 0 {
					return &ErrNotEmpty{tableOf(tx, e), n}
				}
			}
			return copyRows(rtx, tx)
		})
	})
	if err != nil {
		return nil, Explaining("复制数据失败", err)
	}
	return Compare(src, dst)
}

// copyRows copies every table of src into the empty tables of tx, ids
// included, and sets the server's id sequences after them.
func copyRows(src, tx *gorm.DB) error {
	if err := DeferForeignKeys(tx); err != nil {
		return err
	}
	var withIDs []string
	for _, e := range copied() {
		stmt, err := parsed(tx, e)
		if err != nil {
			return err
		}
		if f := stmt.Schema.PrioritizedPrimaryField; f != nil && f.AutoIncrement {
			withIDs = append(withIDs, stmt.Schema.Table)
		}
		err = eachBatch(src, stmt.Schema, func(rows reflect.Value) error {
			return tx.Select("*").Omit(clause.Associations).Create(rows.Interface()).Error
		})
		if err != nil {
			return fmt.Errorf("复制表 %s 失败: %w", stmt.Schema.Table, err)
		}
	}
	if isSQLite(tx) {
		return nil
	}
	return resetSequencesServer(tx, withIDs)
}

// eachBatch reads the rows of the table of sch from db in primary-key
// order, copyBatch at a time, and calls fn with a pointer to each batch
// (a slice of the entity).
func eachBatch(db *gorm.DB, sch *schema.Schema, fn func(rows reflect.Value) error) error {
	order := make([]string, len(sch.PrimaryFieldDBNames))
	for i, n := range sch.PrimaryFieldDBNames {
		order[i] = `"` + n + `"`
	}
	for offset := 0; ; offset += copyBatch {
		rows := reflect.New(reflect.SliceOf(sch.ModelType))
		err := db.Table(sch.Table).Order(strings.Join(order, ", ")).Limit(copyBatch).Offset(offset).Find(rows.Interface()).Error
		if err != nil {
			return err
		}
		n := rows.Elem().Len()
		if n > 0 {
			if err := fn(rows); err != nil {
				return err
			}
		}
		if n < copyBatch {
			return nil
		}
	}
}

// Compare counts the rows of every copied table on both sides and
// compares them: a digest of every field of every row, in primary-key
// order. Same is false where the counts or the rows differ.
func Compare(a, b *gorm.DB) ([]TableCount, error) {
	var out []TableCount
	for _, e := range copied() {
		stmt, err := parsed(a, e)
		if err != nil {
			return nil, err
		}
		ca, da, err := digest(a, stmt.Schema)
		if err != nil {
			return nil, fmt.Errorf("核对表 %s 失败: %w", stmt.Schema.Table, err)
		}
		cb, db, err := digest(b, stmt.Schema)
		if err != nil {
			return nil, fmt.Errorf("核对表 %s 失败: %w", stmt.Schema.Table, err)
		}
		out = append(out, TableCount{Table: stmt.Schema.Table, From: ca, To: cb, Same: ca == cb && da == db})
	}
	return out, nil
}

// AllSame reports whether every table of a comparison holds the same rows.
func AllSame(counts []TableCount) bool {
	for _, c := range counts {
		if !c.Same {
			return false
		}
	}
	return true
}

// digest counts the rows of the table of sch and hashes every field of
// every row, in primary-key order; NULL and "" differ, as do false and 0.
func digest(db *gorm.DB, sch *schema.Schema) (int64, string, error) {
	h := sha256.New()
	var n int64
	err := eachBatch(db, sch, func(rows reflect.Value) error {
		s := rows.Elem()
		for i := 0; i < s.Len(); i++ {
			n++
			row := s.Index(i)
			for _, f := range sch.Fields {
				if f.DBName == "" {
					continue
				}
				v, zero := f.ValueOf(db.Statement.Context, row)
				v = plain(v)
				fmt.Fprintf(h, "%s=%T:%v:%v;", f.DBName, v, v, zero && v == nil)
			}
			h.Write([]byte{'\n'})
		}
		return nil
	})
	return n, hex.EncodeToString(h.Sum(nil)), err
}

func parsed(db *gorm.DB, e any) (*gorm.Statement, error) {
	stmt := &gorm.Statement{DB: db}
	return stmt, stmt.Parse(e)
}

func tableOf(db *gorm.DB, e any) string {
	stmt, err := parsed(db, e)
	if err != nil {
		return fmt.Sprintf("%T", e)
	}
	return stmt.Schema.Table
}

// sameVersion checks that both databases have this build's schema.
func sameVersion(a, b *gorm.DB) error {
	for _, db := range []*gorm.DB{a, b} {
		v, err := Version(db)
		if err != nil {
			return err
		}
		if v != SchemaVersion {
			return fmt.Errorf("数据库结构版本为 %d，本程序为 %d：请先用本程序打开它一次（升级）再复制", v, SchemaVersion)
		}
	}
	return nil
}

// readConsistent runs fn over one consistent read of db: a read-only
// repeatable-read transaction on a server; on SQLite a transaction,
// which holds the file against writers while it reads.
func readConsistent(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if isSQLite(db) {
		return db.Transaction(fn)
	}
	return db.Transaction(fn, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
}

// copyToNewFile writes a copy of db (a server's database) into a new
// SQLite database file at path, which must not exist: the same kind of
// file a desktop's backup is. The copy is compared with db before it is
// kept.
func copyToNewFile(db *gorm.DB, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s 已存在", path)
	}
	f, err := openSQLite(path, nil)
	if err == nil {
		err = Migrate(f)
		if err == nil {
			var counts []TableCount
			counts, err = CopyAll(db, f)
			if err == nil && !AllSame(counts) {
				err = errors.New("复制后核对不一致")
			}
		}
		if cerr := Close(f); err == nil {
			err = cerr
		}
	}
	if err != nil {
		for _, s := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(path + s)
		}
		return fmt.Errorf("备份服务器数据库失败: %w", err)
	}
	return nil
}

// ServerPath is the file that stands for a server database on this
// computer: its name gives the backups their names, and its folder holds
// them by default (backup's folder 备份 beside it). Nothing is written to
// it.
func ServerPath(dsn string) string {
	name := serverName(dsn)
	if name == "" {
		name = "xuncha"
	}
	return filepath.Join(filepath.Dir(DefaultPath()), "服务器", name+".db")
}

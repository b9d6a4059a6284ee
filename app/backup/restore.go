package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"xuncha/app/audit"
)

// AsideSuffix is added to the name of the file a restore replaces: the
// replaced database stays beside the restored one until the next restore.
const AsideSuffix = ".before-restore"

// sidecars are the suffixes of SQLite's files beside a database.
var sidecars = []string{"-wal", "-shm", "-journal"}

// Restore puts the backup at from in the place of the database at dbPath,
// which nobody may have open. The backup is checked first; it is copied
// beside the database and renamed over it, so that the database is at
// every moment either the old file or the whole backup; the old file (with
// its WAL) is kept as dbPath+AsideSuffix.
func Restore(from, dbPath string) error {
	if err := Check(from); err != nil {
		return fmt.Errorf("备份不可用，未恢复: %w", err)
	}
	src, err1 := filepath.Abs(from)
	dst, err2 := filepath.Abs(dbPath)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if src == dst {
		return fmt.Errorf("不能用数据库文件本身恢复")
	}
	tmp := dst + ".restore-tmp"
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("复制备份失败，未恢复: %w", err)
	}
	aside := dst + AsideSuffix
	if exists(dst) {
		removeWithSidecars(aside)
		for _, s := range append([]string{""}, sidecars...) {
			if err := os.Rename(dst+s, aside+s); err != nil && !os.IsNotExist(err) {
				os.Remove(tmp)
				return fmt.Errorf("无法移开原数据库（是否仍在使用？），未恢复: %w", err)
			}
		}
	} else {
		removeWithSidecars(dst)
	}
	if err := os.Rename(tmp, dst); err != nil {
		putBack(aside, dst)
		return fmt.Errorf("恢复失败，原数据库已放回: %w", err)
	}
	syncDir(filepath.Dir(dst))
	if err := check(dst, false); err != nil {
		return fmt.Errorf("恢复后的数据库未通过检查: %w", err)
	}
	return nil
}

// RecordRestore writes the audit entry of a restore into the restored
// database db: who restored which backup, and where the replaced file is.
func RecordRestore(db *gorm.DB, user, from, dbPath string) error {
	return db.Transaction(func(tx *gorm.DB) error {
		return audit.Record(tx, audit.Entry{User: user, Action: "恢复", Entity: "数据库", Key: filepath.Base(from),
			Before: map[string]string{"原数据库保留为": dbPath + AsideSuffix},
			After:  map[string]string{"备份文件": from}})
	})
}

// copyFile copies src to dst and flushes it to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func removeWithSidecars(path string) {
	os.Remove(path)
	for _, s := range sidecars {
		os.Remove(path + s)
	}
}

// putBack moves the set-aside database back after a failed restore.
func putBack(aside, dst string) {
	for _, s := range append([]string{""}, sidecars...) {
		os.Rename(aside+s, dst+s)
	}
}

// syncDir flushes a directory's entries (the renames) where the system
// allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

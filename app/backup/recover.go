package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"xuncha/app/outfile"
	"xuncha/model"
)

// Recover puts right what an interrupted restore left beside the database
// at dbPath, before the database is opened: the next start must never
// take "the file is missing after a crashed restore" for "no database
// yet". It returns what it did, for the user, or "" when there was
// nothing to do (or another process has the database open, which means no
// restore of it is unfinished).
//
//   - A .restore-tmp beside an existing database is a restore that stopped
//     before its last step: the database is the old one; the copy goes.
//   - No database, but a whole, sound .restore-tmp (left by an older
//     version of this program, which had a moment without the file): the
//     restore is finished, with its audit entry.
//   - No database, but a .before-restore: the old database is put back.
func Recover(dbPath string) (string, error) {
	dst, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if !leftovers(dst) {
		return "", nil
	}
	x, err := model.LockExclusive(dst)
	if errors.Is(err, model.ErrInUse) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer x.Release()
	return recoverHeld(x)
}

// leftovers reports whether an interrupted restore may have left files.
func leftovers(dst string) bool {
	for _, s := range append([]string{""}, sidecars...) {
		if exists(dst + TmpSuffix + s) {
			return true
		}
	}
	return missing(dst) && exists(dst+AsideSuffix)
}

// missing reports whether there is no database at path: no file, or an
// empty one.
func missing(path string) bool {
	info, err := os.Stat(path)
	return err != nil || info.Size() == 0
}

// recoverHeld is Recover with the database held alone.
func recoverHeld(x *model.Exclusive) (string, error) {
	dst := x.Path
	tmp, aside := dst+TmpSuffix, dst+AsideSuffix
	if !leftovers(dst) {
		return "", nil
	}
	if !missing(dst) {
		removeWithSidecars(tmp)
		return "上次从备份恢复时中断，恢复未完成：数据库仍是恢复前的，未完成的副本已清除。", nil
	}
	if exists(tmp) && !exists(tmp+"-journal") && !exists(tmp+"-wal") && Check(tmp) == nil {
		if err := finish(x, tmp); err == nil {
			return "上次从备份恢复时在替换文件的一步中断，现已完成：数据库为备份中的数据。", nil
		}
	}
	removeWithSidecars(tmp)
	if !exists(aside) {
		return "", nil
	}
	for _, s := range append([]string{""}, sidecars...) {
		if err := os.Rename(aside+s, dst+s); err != nil && !os.IsNotExist(err) {
			return "", fmt.Errorf("无法放回恢复前的数据库 %s: %w", aside, err)
		}
	}
	outfile.SyncDir(filepath.Dir(dst))
	return fmt.Sprintf("上次从备份恢复时中断，数据库文件缺失：已放回恢复前的数据库（%s）。", filepath.Base(aside)), nil
}

// finish completes an older version's restore whose copy at tmp is whole:
// the copy gets the restore's audit entry and takes the database's place.
func finish(x *model.Exclusive, tmp string) error {
	if err := prepare(x, tmp, tmp, x.Path, "系统（完成中断的恢复）"); err != nil {
		return err
	}
	if err := os.Rename(tmp, x.Path); err != nil {
		return err
	}
	outfile.SyncDir(filepath.Dir(x.Path))
	return nil
}

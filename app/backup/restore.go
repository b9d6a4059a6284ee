package backup

// A restore puts a backup in the place of the database so that, whenever
// it is cut short (a kill, a power cut), the database file is either the
// old database or the whole backup with its accounts, and never missing:
//
//  1. take the database alone (model.LockExclusive): no other process of
//     this program has it open, and none opens it until the restore is
//     done; put right what an earlier, interrupted restore left (Recover);
//  2. copy the backup, with what its WAL holds, to <db>.restore-tmp beside
//     the database (SQLite's VACUUM INTO), check the copy, bring its
//     schema up to date and write the restore's audit entry into it: the
//     restored database carries the record of its own restore;
//  3. make the live database one file with nothing beside it
//     (model.Standalone), which SQLite allows only when no other program
//     has it open either;
//  4. keep the old file as <db>.before-restore (a hard link, or a copy
//     where the disk has none);
//  5. rename the copy over the database: one atomic step from the old
//     file to the new one.
//
// A kill before step 5 leaves the old database and a .restore-tmp, which
// the next start or restore removes; a kill after it leaves the restored
// database, audit entry included.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/outfile"
	"xuncha/model"
)

// AsideSuffix is added to the name of the file a restore replaces: the
// replaced database stays beside the restored one until the next restore.
const AsideSuffix = ".before-restore"

// TmpSuffix names the copy of the backup a restore prepares beside the
// database.
const TmpSuffix = ".restore-tmp"

// sidecars are the suffixes of SQLite's files beside a database.
var sidecars = []string{"-wal", "-shm", "-journal"}

// ErrNotDamaged refuses a restore without sign-in over a database that
// passes the check: only a damaged database may be replaced that way.
var ErrNotDamaged = errors.New("数据库文件完好（此前检查失败可能是因为文件暂时被占用），恢复备份需以管理员身份登录")

// step is called after each step of a restore with its name; tests make
// a process exit there.
var step = func(string) {}

// Restore puts the backup at from in the place of the database at dbPath,
// recording in the restored database that by restored it. No other process
// may have the database open (model.ErrInUse otherwise); the caller closes
// its own connections first. The backup is checked first, and nothing is
// changed when it fails.
func Restore(from, dbPath, by string) error { return restore(from, dbPath, by, false) }

// RestoreDamaged is Restore for the database that failed the check at
// start, which nobody could sign in to: it goes ahead only while the
// database, checked again once held alone, is still damaged
// (ErrNotDamaged otherwise).
func RestoreDamaged(from, dbPath, by string) error { return restore(from, dbPath, by, true) }

func restore(from, dbPath, by string, damaged bool) error {
	src, err1 := filepath.Abs(from)
	dst, err2 := filepath.Abs(dbPath)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if src == dst || sameFile(src, dst) {
		return fmt.Errorf("不能用数据库文件本身恢复")
	}
	if info, err := os.Stat(dst); err != nil || info.Size() == 0 {
		return fmt.Errorf("数据库文件 %s 不存在，未恢复（请检查路径）", dbPath)
	}
	x, err := model.LockExclusive(dst)
	if err != nil {
		return fmt.Errorf("未恢复：%w", err)
	}
	defer x.Release()
	if _, err := recoverHeld(x); err != nil {
		return err
	}
	if damaged {
		if err := stillDamaged(x); err != nil {
			return err
		}
	}
	step("locked")
	tmp := dst + TmpSuffix
	if err := model.CopyDatabase(src, tmp); err != nil {
		removeWithSidecars(tmp)
		if model.Damaged(err) {
			return fmt.Errorf("备份不可用，未恢复: %w", &DamageError{from, []string{readable(err)}})
		}
		return fmt.Errorf("复制备份失败，未恢复: %w", explain(err))
	}
	step("copied")
	if err := prepare(x, tmp, from, dst, by); err != nil {
		removeWithSidecars(tmp)
		return err
	}
	step("prepared")
	if err := alone(x, damaged); err != nil {
		removeWithSidecars(tmp)
		return err
	}
	step("alone")
	aside := dst + AsideSuffix
	if err := keepAside(dst, aside); err != nil {
		removeWithSidecars(tmp)
		return fmt.Errorf("无法保留原数据库，未恢复: %w", explain(err))
	}
	step("aside")
	for _, s := range sidecars {
		os.Remove(dst + s)
	}
	step("sidecars")
	if info, err := os.Stat(dst); err == nil {
		os.Chmod(tmp, info.Mode().Perm()) // the restored file keeps the database's mode
	}
	if err := os.Rename(tmp, dst); err != nil {
		removeWithSidecars(tmp)
		return fmt.Errorf("恢复失败，原数据库未改动: %w", explain(err))
	}
	outfile.SyncDir(filepath.Dir(dst))
	step("renamed")
	return nil
}

// stillDamaged checks the held database again; nil only when it is damaged.
func stillDamaged(x *model.Exclusive) error {
	db, err := x.Open(x.Path)
	if err == nil {
		err = checkDB(db, x.Path)
		model.Close(db)
	} else {
		err = classify(x.Path, err)
	}
	var de *DamageError
	switch {
	case err == nil:
		return ErrNotDamaged
	case errors.As(err, &de):
		return nil
	}
	return err
}

// prepare checks the copy at tmp as a backup is checked, brings its schema
// up to date, records the restore in its audit log and leaves it one file.
func prepare(x *model.Exclusive, tmp, from, dst, by string) error {
	db, err := x.Open(tmp)
	if err != nil {
		return fmt.Errorf("备份不可用，未恢复: %w", explain(err))
	}
	defer model.Close(db)
	if err := checkDB(db, from); err != nil {
		var ue *UnreadableError
		if errors.As(err, &ue) {
			return fmt.Errorf("备份不可用，未恢复: %w", &DamageError{from, []string{readable(ue.Err)}})
		}
		return fmt.Errorf("备份不可用，未恢复: %w", err)
	}
	if err := model.Migrate(db); err != nil {
		return fmt.Errorf("备份升级失败，未恢复: %w", err)
	}
	if err := recordRestore(db, by, from, dst); err != nil {
		return fmt.Errorf("未恢复: %w", explain(err))
	}
	if err := model.Standalone(db); err != nil {
		return fmt.Errorf("未恢复: %w", explain(err))
	}
	return nil
}

// alone makes the live database one file that no other program has open.
// A damaged file may not open at all: it is moved aside as it is.
func alone(x *model.Exclusive, damaged bool) error {
	db, err := x.Open(x.Path)
	if err == nil {
		err = model.Standalone(db)
		model.Close(db)
	}
	if damaged && model.Damaged(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("未恢复：%w", explain(err))
	}
	if info, err := os.Stat(x.Path + "-wal"); err == nil && info.Size() > 0 {
		return fmt.Errorf("未恢复：%w", model.ErrInUse)
	}
	return nil
}

// recordRestore writes the audit entry of a restore into the restored
// database db: who restored which backup, and where the replaced file is.
func recordRestore(db *gorm.DB, user, from, dbPath string) error {
	return model.Transact(db, func(tx *gorm.DB) error {
		return audit.Record(tx, audit.Entry{User: user, Action: "恢复", Entity: "数据库", Key: filepath.Base(from),
			Before: map[string]string{"原数据库保留为": dbPath + AsideSuffix},
			After:  map[string]string{"备份文件": from}})
	})
}

// keepAside makes aside (with the files SQLite keeps beside a damaged
// database) a second name of the database at dst, or a copy where the
// disk has no hard links. The previous restore's aside goes.
func keepAside(dst, aside string) error {
	removeWithSidecars(aside)
	for _, s := range []string{"", "-wal", "-journal"} {
		if _, err := os.Stat(dst + s); err != nil {
			continue
		}
		if err := os.Link(dst+s, aside+s); err == nil {
			continue
		}
		if err := outfile.Copy(dst+s, aside+s, outfile.Private); err != nil {
			return err
		}
	}
	outfile.SyncDir(filepath.Dir(aside))
	return nil
}

func removeWithSidecars(path string) {
	os.Remove(path)
	for _, s := range sidecars {
		os.Remove(path + s)
	}
}

// sameFile reports whether a and b name one file.
func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// explain puts SQLite's conditions into Chinese; other errors pass.
func explain(err error) error { return model.Explaining("", err) }

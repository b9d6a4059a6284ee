package model

import (
	"errors"
	"fmt"
)

// Busy reports whether err says the database is locked: another program,
// or another user of a shared file, kept it for writing longer than the
// busy timeout; on a server, a lock or a serialization failure that
// outlasted the retries.
func Busy(err error) bool { return sqliteBusyErr(err) || serverBusy(err) }

// ReadOnly reports whether err says the database cannot be written: the
// file, its folder or the share is read-only; on a server, a read-only
// server or an account without the right.
func ReadOnly(err error) bool { return sqliteReadOnlyErr(err) || serverReadOnly(err) }

// DiskFull reports whether err says the disk is full.
func DiskFull(err error) bool { return sqliteFullErr(err) || serverFull(err) }

// Damaged reports whether err says the file is no SQLite database, or a
// damaged one; on a server, that the server reports damaged data.
func Damaged(err error) bool { return sqliteDamagedErr(err) || serverDamaged(err) }

// CantOpen reports whether err says the file cannot be opened at all: a
// folder, a missing path, no access.
func CantOpen(err error) bool { return sqliteCantOpenErr(err) }

// IOError reports whether err says reading or writing the file failed
// (SQLite's "disk I/O error"): a full disk or a share that went away, not
// a damaged file.
func IOError(err error) bool { return sqliteIOError(err) }

// ConnLost reports whether err says the database server could not be
// reached or the connection broke. The server rolls back a transaction
// whose connection broke: nothing of it is written.
func ConnLost(err error) bool { return connLost(err) }

// Explained is a database condition put into Chinese; the driver's error
// (in English) stays reachable through errors.Is and errors.As.
type Explained struct {
	Msg string
	Err error
}

func (e *Explained) Error() string { return e.Msg }
func (e *Explained) Unwrap() error { return e.Err }

// Explaining returns err explained (after what failed, when not "") when
// it is one of the database's conditions, and err as it is otherwise.
func Explaining(failed string, err error) error {
	why, ok := Explain(err)
	if !ok {
		if failed == "" {
			return err
		}
		return fmt.Errorf("%s：%w", failed, err)
	}
	if failed != "" {
		why = failed + "：" + why
	}
	return &Explained{why, err}
}

// Explain says in Chinese what a database condition means for the clerk;
// false when err is none of the database's conditions (or this package's
// locks and conflicts). A locked file and a failing disk are not damage:
// the file may be sound.
func Explain(err error) (string, bool) {
	var ce *ConflictError
	switch {
	case err == nil:
		return "", false
	case errors.As(err, &ce):
		return ce.Error(), true
	}
	for _, known := range []error{ErrInUse, ErrRestoring, ErrServerInUse, ErrPasswordNeeded, ErrBadPassword, ErrUnreachable} {
		if errors.Is(err, known) {
			return known.Error(), true
		}
	}
	switch {
	case serverBusy(err):
		return "数据库服务器上其他用户正在修改同一批数据，多次重试仍未成功，本次修改未保存，请稍后重试", true
	case ConnLost(err):
		return ErrConnLost.Error(), true
	case Busy(err):
		return "数据库文件正被其他程序或其他用户锁定，请稍后重试（文件本身未必损坏）", true
	case ReadOnly(err):
		return "数据库不可写（文件、文件夹或共享为只读，或没有写入权限）", true
	case DiskFull(err):
		return "磁盘空间已满，请清理后重试", true
	case IOError(err):
		return "读写数据库文件时出错（磁盘已满、网络共享断开或没有权限），文件本身未必损坏，请检查磁盘后重试", true
	case Damaged(err):
		return "不是本程序的数据库文件，或文件已损坏（可从备份恢复）", true
	case CantOpen(err):
		return "文件打不开（路径不存在、是文件夹，或没有访问权限）", true
	}
	return "", false
}

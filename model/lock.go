package model

// Every process that opens a database file holds a lock on a small file
// beside it, <database>-lock: shared for as long as it has the database
// open, exclusive while it restores a backup in its place. A restore so
// knows that no other process of this program has the file open (it
// refuses otherwise), and a process that starts during a restore waits
// until the restore is done instead of writing into the file being
// replaced. The lock is the operating system's (flock on Linux and the
// other Unixes, LockFileEx on Windows): a process that dies loses it.
// Programs other than this one do not take it; the restore checks for them
// through SQLite's own locks (see Standalone).

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// LockSuffix names the lock file beside a database.
const LockSuffix = "-lock"

// Waits for the lock: an opener waits for a restore to finish; a restore
// does not wait for others to close the file: it is refused, so that the
// clerk knows what was replaced.
const (
	openWait    = 60 * time.Second
	restoreWait = 0 // a restore is refused at once while another process has the file
	lockPoll    = 50 * time.Millisecond
)

// ErrInUse says another process has the database open, so that it cannot
// be taken alone (for a restore).
var ErrInUse = errors.New("数据库正被其他程序使用（另一个巡察统筹窗口、命令或其他软件），请先关闭它们再恢复")

// ErrRestoring says a restore holds the database and did not finish in time.
var ErrRestoring = errors.New("数据库正在由另一程序恢复备份，请稍后重试")

// fileLock is a held lock on a database's lock file.
type fileLock struct{ f *os.File }

// release drops the lock (closing the file drops it).
func (l *fileLock) release() {
	if l != nil && l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// acquire locks the lock file of the database at dbPath, shared or
// exclusive, trying for up to wait. errBusy is returned when the lock
// stays taken.
func acquire(dbPath string, exclusive bool, wait time.Duration, errBusy error) (*fileLock, error) {
	f, err := os.OpenFile(dbPath+LockSuffix, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		f, err = os.Open(dbPath + LockSuffix)
	}
	if err != nil {
		return nil, fmt.Errorf("无法打开锁文件 %s: %w", dbPath+LockSuffix, err)
	}
	deadline := time.Now().Add(wait)
	for {
		ok, err := tryLock(f, exclusive)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("无法锁定 %s: %w", dbPath+LockSuffix, err)
		}
		if ok {
			return &fileLock{f}, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, errBusy
		}
		time.Sleep(lockPoll)
	}
}

// Exclusive is a database file held by this process alone: no other
// process of this program has it open, and none can open it until Release.
type Exclusive struct {
	Path string
	lock *fileLock
}

// LockExclusive takes the database at path alone, or returns ErrInUse when
// another process keeps it open. Only this process's own connections, closed
// before, may have had it; a connection this process still holds counts as
// another user.
func LockExclusive(path string) (*Exclusive, error) {
	l, err := acquire(path, true, restoreWait, ErrInUse)
	if err != nil {
		return nil, err
	}
	return &Exclusive{Path: path, lock: l}, nil
}

// Release lets other processes open the database again.
func (x *Exclusive) Release() { x.lock.release() }

package app

// Shared mode (SPEC §13.1): the same program on a PostgreSQL server for a
// city office where several clerks work at once. The database layer does
// the work (model/postgres.go); here are what the front ends need of it:
// where the database is, the server's password, the mark that tells a
// screen someone changed the data, and moving a database between a file
// and a server (xuncha migrate).

import (
	"errors"
	"fmt"
	"os"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/model"
)

// IsServer reports whether a --db value names a database server (a
// postgres:// URL) rather than a file.
func IsServer(dsn string) bool { return model.IsServer(dsn) }

// NeedsPassword reports whether opening a server failed for want of a
// password: the front end asks the user (never storing the answer) and
// calls RememberServerPassword, then opens again.
func NeedsPassword(err error) bool { return errors.Is(err, model.ErrPasswordNeeded) }

// RememberServerPassword keeps the password the user typed for the server
// dsn in this process's memory (never on disk), for this and later
// connections of the process.
func RememberServerPassword(dsn, password string) { model.RememberPassword(dsn, password) }

// Redacted is a server URL without its password, to show or remember.
func Redacted(dsn string) string { return model.Redacted(dsn) }

// OnServer reports whether the service's database is on a server.
func (s *Service) OnServer() bool { return model.OnServer(s.DB) }

// Where says where the database is, for titles and messages: the file's
// path, or the server's URL without the password.
func (s *Service) Where() string {
	if u := model.ServerURL(s.DB); u != "" {
		return u
	}
	p, _ := s.Path()
	return p
}

// ChangeMark is a number that grows with every change made to the data,
// by this clerk or any other, on this computer or another: the newest
// entry of the audit log (every change writes one, in the change's own
// transaction). A screen keeps the mark of what it shows; when the mark
// has grown (on F5, when the screen is opened, or when polled), someone
// changed the data since and the screen loads it again. It costs one
// indexed read.
func (s *Service) ChangeMark() (int64, error) {
	var id int64
	if err := s.DB.Model(&model.AuditEntry{}).Select("coalesce(max(id), 0)").Scan(&id).Error; err != nil {
		return 0, dbError("读取数据变化失败", err)
	}
	return id, nil
}

// ChangedSince reports whether the data changed since mark (ChangeMark),
// and the mark now.
func (s *Service) ChangedSince(mark int64) (bool, int64, error) {
	now, err := s.ChangeMark()
	return err == nil && now != mark, now, err
}

// MigrateTo copies the whole of the service's database (accounts,
// settings and audit log included) into the database to, a file or a
// server, which must be new or empty: `xuncha migrate`. It is a backup's
// right. The copy is one transaction on the target; afterwards both sides
// are compared table by table (counts and every row) and the result
// returned. A move is recorded in the target's audit log ("迁移"), after
// the comparison. A file the copy created is removed when it fails.
func (s *Service) MigrateTo(to string) ([]model.TableCount, error) {
	if err := s.Require(PermBackup); err != nil {
		return nil, err
	}
	created := false
	if !model.IsServer(to) {
		if info, err := os.Stat(to); err != nil || info.Size() == 0 {
			created = true
		}
	}
	dst, err := model.Open(to)
	if err != nil {
		return nil, dbError("无法打开目标数据库 "+model.Redacted(to), err)
	}
	counts, err := model.CopyAll(s.DB, dst)
	if err == nil && !model.AllSame(counts) {
		err = errors.New("复制后两边数据不一致，请检查后重试")
	}
	if err == nil {
		t := &Service{DB: dst, User: s.User, Role: s.Role}
		err = t.Write(audit.Entry{Action: "迁移", Entity: "数据库", Key: model.Redacted(to),
			After: map[string]any{"来源": s.Where(), "表": len(counts)}}, func(*gorm.DB) error { return nil })
	}
	if cerr := model.Close(dst); err == nil {
		err = cerr
	}
	if err != nil && created {
		for _, suf := range []string{"", "-wal", "-shm", "-journal", model.LockSuffix} {
			os.Remove(to + suf)
		}
	}
	if err != nil {
		return counts, fmt.Errorf("迁移失败，目标数据库未写入: %w", err)
	}
	return counts, nil
}

// ConnLost reports whether err says the connection to the database
// server broke or could not be made. Nothing of a change cut off that way
// is written (the server rolls it back): trying again is safe.
func ConnLost(err error) bool { return model.ConnLost(err) }

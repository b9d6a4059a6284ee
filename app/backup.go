package app

// The service methods of backups and restore. Each asks for its right
// first, except the automatic backups the program makes itself.

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/auth"
	"xuncha/app/backup"
	"xuncha/model"
)

// Path is the database file; "" for an in-memory database.
func (s *Service) Path() (string, error) { return backup.DBPath(s.DB) }

// BackupSettings returns the backup settings.
func (s *Service) BackupSettings() (backup.Settings, error) { return backup.Load(s) }

// SaveBackupSettings checks and stores the backup settings (a 管理员's
// right).
func (s *Service) SaveBackupSettings(set backup.Settings) error {
	if err := s.Require(PermSettings); err != nil {
		return err
	}
	return backup.Save(s, set)
}

// BackupFolder is where the automatic and manual backups go.
func (s *Service) BackupFolder() (string, error) {
	set, err := s.BackupSettings()
	if err != nil {
		return "", err
	}
	path, err := s.Path()
	if err != nil {
		return "", err
	}
	return set.Folder(path), nil
}

// Backups lists the backups in the backup folder, newest first.
func (s *Service) Backups() ([]backup.File, error) {
	dir, err := s.BackupFolder()
	if err != nil {
		return nil, err
	}
	path, _ := s.Path()
	return backup.List(dir, path)
}

// BackupNow makes a backup in the backup folder (rotated with the automatic
// ones) and records it in the audit log.
func (s *Service) BackupNow() (backup.File, error) {
	if err := s.Require(PermBackup); err != nil {
		return backup.File{}, err
	}
	set, err := s.BackupSettings()
	if err != nil {
		return backup.File{}, err
	}
	dir, err := s.BackupFolder()
	if err != nil {
		return backup.File{}, err
	}
	f, err := backup.Backup(s.DB, dir, set.Keep)
	if err != nil {
		return f, err
	}
	return f, s.Write(audit.Entry{Action: "备份", Entity: "数据库", Key: f.Name, After: map[string]string{"文件": f.Path}},
		func(*gorm.DB) error { return nil })
}

// BackupTo writes a backup to path, which must not exist.
func (s *Service) BackupTo(path string) error {
	if err := s.Require(PermBackup); err != nil {
		return err
	}
	if err := backup.To(s.DB, path); err != nil {
		return err
	}
	return s.Write(audit.Entry{Action: "备份", Entity: "数据库", Key: path}, func(*gorm.DB) error { return nil })
}

// AutoBackup makes the automatic backup the settings ask for: at exit
// (atExit true) when AtExit is set, otherwise the daily one when Daily is
// set and none was made today. It returns nil when none was due. It needs
// no right: the program does it, not the user.
func (s *Service) AutoBackup(atExit bool) (*backup.File, error) {
	set, err := s.BackupSettings()
	if err != nil {
		return nil, err
	}
	dir, err := s.BackupFolder()
	if err != nil {
		return nil, err
	}
	path, _ := s.Path()
	if path == "" || s.OnServer() {
		// A server's data is backed up on the server (its own dumps), and
		// on demand by 备份; not by every clerk's program at every exit.
		return nil, nil
	}
	switch {
	case atExit && !set.AtExit, !atExit && !set.Daily:
		return nil, nil
	case !atExit:
		due, err := backup.DailyDue(dir, path, time.Now())
		if err != nil || !due {
			return nil, err
		}
	}
	f, err := backup.Backup(s.DB, dir, set.Keep)
	if err != nil {
		return nil, fmt.Errorf("自动备份失败: %w", err)
	}
	return &f, nil
}

// Restore puts the backup at from in the place of the service's database
// (a 管理员's right): the database is closed, replaced (the old file kept
// with backup.AsideSuffix; the restore recorded in the restored file's
// audit log) and opened again. No other process may have it open. The
// signed-in user stays signed in only if the restored file knows them.
func (s *Service) Restore(from string) error {
	if err := s.Require(PermRestore); err != nil {
		return err
	}
	path, err := s.Path()
	if err != nil {
		return err
	}
	if path == "" {
		return fmt.Errorf("内存数据库无法恢复")
	}
	if err := backup.Check(from); err != nil {
		return fmt.Errorf("备份不可用，未恢复: %w", err)
	}
	if s.OnServer() {
		return s.restoreServer(from)
	}
	if err := s.Close(); err != nil {
		return err
	}
	rerr := backup.Restore(from, path, s.User)
	db, err := model.OpenExisting(path)
	if err != nil {
		return errors.Join(rerr, dbError("无法打开数据库 "+path, err))
	}
	s.DB = db
	if rerr != nil {
		return rerr
	}
	if _, err := auth.Lookup(s.DB, s.User); err != nil {
		s.Role = ""
	}
	s.notifyAll("恢复", "")
	return nil
}

// restoreServer restores the backup file at from into the server
// database (model.RestoreServer): refused while other clerks are
// connected; the restore's audit entry goes into the restored data.
func (s *Service) restoreServer(from string) error {
	dsn := model.ConnURL(s.DB)
	if err := s.Close(); err != nil {
		return err
	}
	rerr := model.RestoreServer(dsn, from, func(tx *gorm.DB) error {
		return audit.Record(tx, audit.Entry{User: s.User, Action: "恢复", Entity: "数据库", Key: filepath.Base(from),
			After: map[string]string{"备份文件": from}})
	})
	db, err := model.OpenExisting(dsn)
	if err != nil {
		return errors.Join(rerr, dbError("无法打开数据库 "+model.Redacted(dsn), err))
	}
	s.DB = db
	if rerr != nil {
		return dbError("未恢复", rerr)
	}
	if _, err := auth.Lookup(s.DB, s.User); err != nil {
		s.Role = ""
	}
	return nil
}

// restoredAfterDamage marks the audit entry of a restore over a damaged
// database, which nobody could sign in to.
const restoredAfterDamage = "（数据库损坏时恢复）"

// RestoreDamaged puts the backup at from in the place of the database that
// the check at start (backup.CheckAtStart, report r) found damaged. That
// file is never opened, so nobody signs in and no right is asked: its
// accounts may be unreadable, and the clerk at the machine must be able to
// get going again. The restored file, which records the restore in user's
// name marked as made after damage, is opened for user. Only damage opens
// this way: a file that could not be checked (locked, a disk error),
// another program's or a newer program's is refused, and a file found
// sound once held alone comes back open as it is, with
// backup.ErrNotDamaged: restoring it is Restore's, a 管理员's right. The
// window's start and xuncha restore both come through here.
func RestoreDamaged(r *backup.StartReport, from, user string) (*Service, error) {
	switch {
	case r.OK():
		return nil, errors.New("数据库完好，未恢复：请由管理员登录后从备份恢复")
	case r.Problem != nil:
		return nil, fmt.Errorf("%w，未恢复", r.Problem)
	case !r.Restorable():
		return nil, r.Damage
	}
	err := backup.RestoreDamaged(from, r.Path, user+restoredAfterDamage)
	if err != nil && !errors.Is(err, backup.ErrNotDamaged) {
		return nil, err
	}
	s, oerr := OpenExisting(r.Path, user)
	if oerr != nil {
		return nil, errors.Join(err, oerr)
	}
	return s, err
}

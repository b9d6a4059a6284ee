package app

// The service methods of the reliability capabilities: the audit log,
// backups and restore, data packages. Each asks for its right first.

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/auth"
	"xuncha/app/backup"
	"xuncha/app/datapkg"
	"xuncha/model"
)

// AuditLog returns one page of the audit log, newest first.
func (s *Service) AuditLog(f audit.Filter) (audit.Page, error) {
	if err := s.Require(PermAudit); err != nil {
		return audit.Page{}, err
	}
	return audit.Query(s.DB, f)
}

// AuditFacets returns the users, actions and entities in the log, for the
// viewer's filters.
func (s *Service) AuditFacets() (audit.Facets, error) {
	if err := s.Require(PermAudit); err != nil {
		return audit.Facets{}, err
	}
	return audit.ListFacets(s.DB)
}

// ExportAudit writes the entries that match f to an xlsx workbook.
func (s *Service) ExportAudit(f audit.Filter, path string) (int, error) {
	if err := s.Require(PermAudit); err != nil {
		return 0, err
	}
	return audit.Export(s.DB, f, path)
}

// VerifyAudit checks the hash chain of the whole log.
func (s *Service) VerifyAudit() ([]audit.Problem, error) {
	if err := s.Require(PermAudit); err != nil {
		return nil, err
	}
	return audit.Verify(s.DB)
}

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
	if path == "" {
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
	return nil
}

// ExportPackage writes the data of the chosen counties to a data package
// at path, encrypted when passphrase is not empty.
func (s *Service) ExportPackage(counties []string, passphrase, path string) (*datapkg.Manifest, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	return datapkg.Export(s.DB, counties, passphrase, path)
}

// PreviewPackage reports what importing the package at path would add,
// update and leave out as conflicts, without writing.
func (s *Service) PreviewPackage(path, passphrase string) (*datapkg.Report, error) {
	if err := s.Require(PermImport); err != nil {
		return nil, err
	}
	return datapkg.Preview(s.DB, path, passphrase)
}

// ImportPackage merges the package at path by code, in one transaction
// with its audit entry.
func (s *Service) ImportPackage(path, passphrase string) (*datapkg.Report, error) {
	if err := s.Require(PermImport); err != nil {
		return nil, err
	}
	r, err := datapkg.Import(s.DB, path, passphrase, s.User)
	return r, dbError("导入数据包失败，未写入任何数据", err)
}

package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xuncha/app/audit"
	"xuncha/model"
)

// Service is the application's access to one database for one user.
type Service struct {
	DB   *gorm.DB
	User string // the signed-in user's name, recorded in the audit log
	Role string // the signed-in user's role (set by Login); "" when nobody signed in

	changes *changeHub   // who is told of each committed write (changes.go)
	seen    *model.Stamp // the stamp the change was read with (Seeing); nil: as stored now
}

// Open opens the database at path for user, making a new database there
// when there is none (demo, import, the first start).
func Open(path, user string) (*Service, error) {
	db, err := model.Open(path)
	if err != nil {
		return nil, dbError("无法打开数据库 "+path, err)
	}
	return &Service{DB: db, User: user, changes: newChangeHub()}, nil
}

// OpenExisting opens the database at path for user, refusing a path with
// no database (model.ErrMissing): every command but demo and the imports
// works on a database that is there.
func OpenExisting(path, user string) (*Service, error) {
	db, err := model.OpenExisting(path)
	if err != nil {
		return nil, dbError("无法打开数据库 "+path, err)
	}
	return &Service{DB: db, User: user, changes: newChangeHub()}, nil
}

// Close closes the database.
func (s *Service) Close() error { return model.Close(s.DB) }

// Write runs fn in one transaction and records e in the audit log in the
// same transaction: the change and its record land together or not at all.
// On a database server the transaction is serializable and run again on a
// serialization failure (model.Transact): fn must re-check inside tx what
// it depends on, and do nothing outside tx that it could not do twice.
// The database's own failures (a code saved meanwhile by another user, a
// locked file) come back explained in Chinese (see dbError). It is the
// door the service's writes go through, so it also checks the signed-in
// user's right to the kind of change e records (see writePermission): a
// service method that forgets to ask is still refused. The few changes
// that open their own transaction are listed, each with its reason, in the
// package documentation (doc.go). Once committed, the change is told to
// the service's subscribers (Subscribe).
func (s *Service) Write(e audit.Entry, fn func(tx *gorm.DB) error) error {
	if err := s.Require(writePermission(e.Action)); err != nil {
		return err
	}
	if e.User == "" {
		e.User = s.User
	}
	err := model.Transact(s.DB, func(tx *gorm.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		return audit.Record(tx, e)
	})
	if err != nil {
		return dbError(failedEntry(e), err)
	}
	s.Notify(Change{Action: e.Action, Entity: e.Entity, Key: e.Key, User: e.User})
	return nil
}

// saveStamped saves rec, a record a form edited, inside a Write's
// transaction tx: a new one (create) with its first stamp, or an existing
// one only while nobody else saved it since the form read it with stamp
// read (model.SaveStamped). Otherwise it fails with a *model.ConflictError
// that names who saved it and when ("该记录已被 张三 于 2026-03-01 10:02
// 修改，请刷新后重试"), and Write writes nothing. Every service method that
// saves a form's record goes through it; it takes read (the stamp rec
// carried before Write) so that a retried transaction checks the same
// version.
func (s *Service) saveStamped(tx *gorm.DB, rec model.Stamped, read model.Stamp, create bool) error {
	now := time.Now()
	if create {
		model.SetStamp(rec, s.User, now)
		return tx.Omit(clause.Associations).Create(rec).Error
	}
	return model.SaveStamped(tx, rec, read, s.User, now)
}

// IsConflict reports whether err refuses a save over someone else's newer
// change (the form then offers to load the record again).
func IsConflict(err error) bool {
	var ce *model.ConflictError
	return errors.As(err, &ce)
}

// LoadSetting reads setting key into v (JSON); v keeps its value (the
// defaults) when the setting was never saved.
func (s *Service) LoadSetting(key string, v any) error {
	var row model.Setting
	err := s.DB.Where("key = ?", key).Limit(1).Find(&row).Error
	if err != nil {
		if why := dbError("读取设置 "+key+" 失败", err); why != err { // a lost connection, in Chinese
			return why
		}
		return fmt.Errorf("读取设置 %s 失败: %w", key, err)
	}
	if row.Key == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(row.Value), v); err != nil {
		return badSetting(key, err)
	}
	return nil
}

// SaveSetting stores v (as JSON) under key, with an audit entry. Its
// version counts up, so that a settings form open since before is refused
// on save; through Seeing, it is itself saved only while the setting is
// still at the stamp the form read (zero: never saved).
func (s *Service) SaveSetting(key string, v any) error { return s.saveSettingWith(key, v, nil) }

// saveSettingWith is SaveSetting that, in the same transaction, does also
// (may be nil).
func (s *Service) saveSettingWith(key string, v any, also func(tx *gorm.DB) error) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var old model.Setting
	s.DB.Where("key = ?", key).Limit(1).Find(&old)
	e := audit.Entry{Action: "设置", Entity: "设置", Key: key, Before: old.Value, After: string(b)}
	return s.Write(e, func(tx *gorm.DB) error {
		var cur model.Setting
		if err := tx.Where("key = ?", key).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		read := cur.Stamp
		if s.seen != nil {
			read = *s.seen
		}
		row := model.Setting{Key: key, Value: string(b)}
		if cur.Key == "" && read.Version > 0 {
			return &model.ConflictError{Gone: true}
		}
		if err := s.saveStamped(tx, &row, read, cur.Key == ""); err != nil || also == nil {
			return err
		}
		return also(tx)
	})
}

// ErrNotFound is returned when a code names nothing.
var ErrNotFound = errors.New("未找到")

// writePermission is the right a change needs, by the action its audit
// entry records; every other change needs PermEdit.
func writePermission(action string) Permission {
	switch action {
	case "设置":
		return PermSettings
	case "导入", "导入数据包", "演示数据":
		return PermImport
	case "编组":
		return PermAssign
	case "豁免批准", "豁免驳回", "豁免撤销":
		return PermApprove
	case actionConfirmEval, actionReturnEval:
		return PermConfirmEval
	case actionHandleDecl:
		return PermHandleDecl
	case "审核", "销号":
		return PermReview
	case "查看线索":
		return PermClues
	case "备份", "迁移":
		return PermBackup
	case "恢复":
		return PermRestore
	}
	return PermEdit
}

package app

// The database driver speaks English ("duplicated key not allowed",
// "database is locked (5) (SQLITE_BUSY)"). The service's checks keep most
// of those from happening, but not all: another user of a shared file can
// save the same code, delete a row this one refers to, or hold the file
// for writing in between the check and the write. dbError turns them into
// what a clerk can act on, in one place.

import (
	"errors"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/backup"
	"xuncha/app/calendar"
	"xuncha/app/ledger"
	"xuncha/app/papers"
	"xuncha/model"
)

// dbError explains err when it is one of the database's conditions, after
// failed, which says what failed ("新增人员 P001 失败"); any other error
// (the service's own messages, already in Chinese) passes unchanged.
func dbError(failed string, err error) error {
	var why string
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrDuplicatedKey):
		why = "与已有的记录重复（可能其他用户刚刚保存了相同的编码），请刷新后重试"
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		why = "引用的记录不存在，或仍被其他记录引用（可能其他用户刚刚修改或删除了它），请刷新后重试"
	default:
		var ok bool
		if why, ok = model.Explain(err); !ok {
			return err
		}
	}
	return &model.Explained{Msg: failed + "：" + why, Err: err}
}

// failedEntry says that the change an audit entry records failed:
// "新增人员 P001 失败".
func failedEntry(e audit.Entry) string {
	if e.Key == "" {
		return e.Action + e.Entity + "失败"
	}
	return e.Action + e.Entity + " " + e.Key + " 失败"
}

// settingNames are the settings' names in messages, by key.
var settingNames = map[string]string{
	assignKey: "编组设置", recusalKey: "回避规则设置", calendar.SettingsKey: "日程设置", backup.SettingKey: "备份设置",
	trainingKey: "培训提示设置", ledger.SettingsKey: "成果运用设置", experienceKey: "经验与轮换设置", papers.SettingsKey: "文书设置",
}

// badSetting explains a setting whose stored JSON cannot be read (edited by
// hand, or written by another version of the program).
func badSetting(key string, err error) error {
	name, ok := settingNames[key]
	if !ok {
		name = "设置 " + key + " "
	}
	return &model.Explained{Msg: name + "已损坏，无法读取（请重新保存该设置，或恢复默认设置）", Err: err}
}

package app

// What the optimistic concurrency of shared mode (SPEC §13.1) needs beside
// the records' own stamps (model.Stamp, Service.saveStamped): changes made
// on what a screen showed rather than on a form's record — a setting, a
// leader's decision on an override, an account — carry the stamp that was
// read through Seeing.

import (
	"fmt"

	"xuncha/app/backup"
	"xuncha/app/calendar"
	"xuncha/app/ledger"
	"xuncha/app/papers"
	"xuncha/model"
)

// Seeing returns the service for one change made on a record as a screen
// showed it, read with stamp seen: the change is refused with who changed
// the record since and when (*model.ConflictError), and nothing is
// written. The changes that honour it are a setting's save (SaveSetting,
// and each capability's Save…Settings), a leader's decision on an override
// (ApproveOverride, RefuseOverride, WithdrawOverride) and a 管理员's change
// of an account's role or 线索管理 (SetUserRole, SetClueRight). s itself is
// unchanged.
func (s *Service) Seeing(seen model.Stamp) *Service {
	c := *s
	c.seen = &seen
	return &c
}

// The settings keys of the 设置 screen's sections, for SettingStamp.
const (
	RecusalSettingsKey    = recusalKey
	AssignSettingsKey     = assignKey
	TrainingSettingsKey   = trainingKey
	CalendarSettingsKey   = calendar.SettingsKey
	LedgerSettingsKey     = ledger.SettingsKey
	BackupSettingsKey     = backup.SettingKey
	ExperienceSettingsKey = experienceKey
	PaperSettingsKey      = papers.SettingsKey
)

// SettingStamp is the stamp of setting key as stored now (zero when it was
// never saved): a settings form reads it before the settings it shows and
// saves through Seeing.
func (s *Service) SettingStamp(key string) (model.Stamp, error) {
	var row model.Setting
	if err := s.DB.Select("key", "version", "changed_by", "changed_at").Where("key = ?", key).Limit(1).Find(&row).Error; err != nil {
		return model.Stamp{}, fmt.Errorf("读取设置 %s 失败: %w", key, err)
	}
	return row.Stamp, nil
}

package model

import (
	"gorm.io/gorm"

	"xuncha/app/vocab"
)

// migrateOverrideStatus is schema step 2 (SPEC §10.3): overrides gain a
// status, and who refused or withdrew them, when and why. Existing rows
// keep their meaning: one with an approver is 已批准, one without is 待批.
// The unique index over team, person, rule and unit goes, so that a
// refused or withdrawn override stays on record beside a new request; the
// service keeps one pending or approved override per key.
func migrateOverrideStatus(tx *gorm.DB) error {
	m := tx.Migrator()
	if m.HasIndex(&Override{}, "idx_override_key") {
		if err := m.DropIndex(&Override{}, "idx_override_key"); err != nil {
			return err
		}
	}
	if err := tx.Model(&Override{}).Where("status = '' AND approver <> ''").
		Update("status", vocab.OverrideApproved).Error; err != nil {
		return err
	}
	return tx.Model(&Override{}).Where("status = ''").Update("status", vocab.OverridePending).Error
}

package app

// One setting for the roles that must come from elsewhere: the
// composition table of 设置 › 编组 (a row whose origin is 异地 or 市本级). R4 of the
// recusal rules binds exactly those roles. Earlier versions kept a second
// list, 回避规则's RemoteRoles, to be kept in step by hand; a list still
// stored there is folded in (a role is from elsewhere when either said
// so) until the composition is next saved, which drops it.

import (
	"encoding/json"
	"slices"

	"gorm.io/gorm"

	"xuncha/app/assign"
	"xuncha/app/vocab"
	"xuncha/model"
)

// remoteRoles are the roles the composition fills from elsewhere — rows of
// origin 异地 or 市本级 — in the order of vocab.Roles.
func remoteRoles(set assign.Settings) []string {
	var out []string
	for _, role := range vocab.Roles {
		if slices.ContainsFunc(set.Rows, func(r assign.Row) bool { return r.Role == role && fromElsewhere(r) && r.Count > 0 }) {
			out = append(out, role)
		}
	}
	return out
}

// legacyRemoteRoles are the roles an earlier 设置 › 回避规则 stored for R4,
// nil when none are stored.
func (s *Service) legacyRemoteRoles() ([]string, error) {
	var old struct{ RemoteRoles []string }
	if err := s.LoadSetting(recusalKey, &old); err != nil {
		return nil, err
	}
	return old.RemoteRoles, nil
}

// fromElsewhere reports whether row r's people come from outside the
// inspected jurisdiction: its origin is 异地 or 市本级.
func fromElsewhere(r assign.Row) bool {
	from := r.From()
	return from == vocab.FromElsewhere || from == vocab.FromCity
}

// foldLegacyRoles makes the rows of set whose role an earlier version
// listed for R4, and which do not already come from elsewhere (本地, 不限),
// come from another county (异地).
func foldLegacyRoles(set *assign.Settings, legacy []string) {
	for i := range set.Rows {
		if slices.Contains(legacy, set.Rows[i].Role) && !fromElsewhere(set.Rows[i]) {
			set.Rows[i].Origin, set.Rows[i].Local = vocab.FromElsewhere, false
		}
	}
}

// saveComposition stores the composition and drops the roles an earlier
// version kept for R4, in one transaction with one audit entry.
func (s *Service) saveComposition(set assign.Settings) error {
	return s.saveSettingWith(assignKey, set, dropLegacyRoles)
}

// dropLegacyRoles removes RemoteRoles from the stored recusal settings
// (inside tx): the composition now says which roles come from elsewhere.
func dropLegacyRoles(tx *gorm.DB) error {
	var row model.Setting
	if err := tx.Where("key = ?", recusalKey).Limit(1).Find(&row).Error; err != nil || row.Key == "" {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(row.Value), &fields); err != nil {
		return badSetting(recusalKey, err)
	}
	if _, ok := fields["RemoteRoles"]; !ok {
		return nil
	}
	delete(fields, "RemoteRoles")
	b, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	return tx.Model(&model.Setting{}).Where("key = ?", recusalKey).Update("value", string(b)).Error
}

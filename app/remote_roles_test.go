package app

import (
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/model"
)

func remoteOf(t *testing.T, s *Service) string {
	t.Helper()
	set, err := s.RecusalSettings()
	must(t, err)
	return strings.Join(set.RemoteRoles, " ")
}

// R4 binds the roles the composition fills from other counties: one
// setting, changed in one place.
func TestRemoteRolesFollowComposition(t *testing.T) {
	s := bulkWorld(t)
	if got := remoteOf(t, s); got != "组长 联络员 成员" {
		t.Fatalf("defaults: %s", got)
	}
	comp, err := s.AssignSettings()
	must(t, err)
	for i := range comp.Rows {
		if comp.Rows[i].Role == vocab.RoleLiaison {
			comp.Rows[i].Local = true
		}
	}
	must(t, s.SaveAssignSettings(comp))
	if got := remoteOf(t, s); got != "组长 成员" {
		t.Errorf("联络员 made local: R4 binds %s", got)
	}
	// Saving the recusal rules stores no list of its own.
	rs, err := s.RecusalSettings()
	must(t, err)
	rs.Years = 4
	must(t, s.SaveRecusalSettings(rs))
	var row model.Setting
	must(t, s.DB.Where("key = ?", recusalKey).First(&row).Error)
	if strings.Contains(row.Value, "RemoteRoles") {
		t.Errorf("stored recusal settings keep RemoteRoles: %s", row.Value)
	}
	if got := remoteOf(t, s); got != "组长 成员" {
		t.Errorf("after saving the recusal rules: %s", got)
	}
}

// A database whose 回避规则 listed its own roles (副组长 too): the list is
// folded into the composition until the composition is saved, which drops
// it; nothing the old list required from elsewhere becomes local.
func TestRemoteRolesLegacyFolded(t *testing.T) {
	s := bulkWorld(t)
	must(t, s.DB.Create(&model.Setting{Key: recusalKey,
		Value: `{"Years":3,"LongStintYears":3,"Depth":1,"RemoteRoles":["组长","副组长","联络员","成员"],"Severity":{"R1":"回避"}}`}).Error)
	comp, err := s.AssignSettings()
	must(t, err)
	for _, r := range comp.Rows {
		if r.Role == vocab.RoleDeputy && r.Local {
			t.Error("副组长, listed for R4 before, is still local in the composition")
		}
	}
	if got := remoteOf(t, s); got != "组长 副组长 联络员 成员" {
		t.Fatalf("folded: %s", got)
	}
	must(t, s.SaveAssignSettings(comp))
	var row model.Setting
	must(t, s.DB.Where("key = ?", recusalKey).First(&row).Error)
	if strings.Contains(row.Value, "RemoteRoles") || !strings.Contains(row.Value, `"Years":3`) {
		t.Errorf("after saving the composition: %s", row.Value)
	}
	if got := remoteOf(t, s); got != "组长 副组长 联络员 成员" {
		t.Errorf("after saving: %s", got)
	}
}

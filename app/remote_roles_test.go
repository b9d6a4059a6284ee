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

// R4 binds the roles the composition fills from elsewhere — of origin 异地
// or 市本级, not 本地 or 不限: one setting, changed in one place.
func TestRemoteRolesFollowComposition(t *testing.T) {
	s := bulkWorld(t)
	if got := remoteOf(t, s); got != "组长 联络员 成员" {
		t.Fatalf("defaults: %s", got)
	}
	comp, err := s.AssignSettings()
	must(t, err)
	for i := range comp.Rows {
		if comp.Rows[i].Role == vocab.RoleLiaison {
			comp.Rows[i].Origin = vocab.FromLocal
		}
	}
	must(t, s.SaveAssignSettings(comp))
	if got := remoteOf(t, s); got != "组长 成员" {
		t.Errorf("联络员 made local: R4 binds %s", got)
	}
	for i := range comp.Rows {
		switch comp.Rows[i].Role {
		case vocab.RoleLeader:
			comp.Rows[i].Origin = vocab.FromCity
		case vocab.RoleMember:
			comp.Rows[i].Origin = vocab.FromAny
		}
	}
	must(t, s.SaveAssignSettings(comp))
	if got := remoteOf(t, s); got != "组长" {
		t.Errorf("组长 from 市本级, 成员 from anywhere: R4 binds %s", got)
	}
	for i := range comp.Rows {
		if comp.Rows[i].Role == vocab.RoleMember {
			comp.Rows[i].Origin = vocab.FromElsewhere
		}
	}
	must(t, s.SaveAssignSettings(comp))
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

// A composition stored before origins (local true or left out) reads as
// it did: R4 binds the rows left 异地; the old list folded in turns a
// 不限 row it names into 异地, and leaves a 市本级 row as it is.
func TestRemoteRolesOfOldComposition(t *testing.T) {
	s := bulkWorld(t)
	must(t, s.DB.Create(&model.Setting{Key: assignKey, Value: `{"rows":[{"role":"组长","count":1,"origin":"市本级"},` +
		`{"role":"副组长","count":1,"local":true},{"role":"联络员","count":1,"origin":"不限"},{"role":"成员","count":3}],` +
		`"requiredSkills":[],"maxPerCounty":2,"skillsByCategory":{}}`}).Error)
	if got := remoteOf(t, s); got != "组长 成员" {
		t.Fatalf("old composition: R4 binds %s", got)
	}
	must(t, s.DB.Create(&model.Setting{Key: recusalKey, Value: `{"Years":3,"RemoteRoles":["组长","联络员"]}`}).Error)
	comp, err := s.AssignSettings()
	must(t, err)
	var from []string
	for _, r := range comp.Rows {
		from = append(from, r.Role+":"+r.From())
	}
	if got := strings.Join(from, " "); got != "组长:市本级 副组长:本地 联络员:异地 成员:异地" {
		t.Errorf("folded: %s", got)
	}
	if got := remoteOf(t, s); got != "组长 联络员 成员" {
		t.Errorf("folded: R4 binds %s", got)
	}
}

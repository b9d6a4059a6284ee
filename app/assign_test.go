package app

import (
	"fmt"
	"strings"
	"testing"

	"xuncha/app/assign"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// assignService plants one round of one team in 安平县 with enough people
// of three other counties and of 安平县 itself.
func assignService(t *testing.T) *Service {
	t.Helper()
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"}, &model.County{Code: "C03", Name: "临河县"},
		&model.County{Code: "C04", Name: "北山县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "2026-1", TermCode: "T1", Number: 1, Mode: vocab.ModeMixed, OnsiteStart: "2026-03-01"},
		&model.Team{RoundCode: "2026-1", Name: "第一巡察组", Seq: 1},
		&model.TeamUnit{TeamID: 1, RoundCode: "2026-1", UnitCode: "U01"},
	}
	for i, c := range []string{"C01", "C01", "C02", "C02", "C02", "C03", "C03", "C03", "C04"} {
		rows = append(rows, &model.Person{Code: fmt.Sprintf("P%02d", i), Name: fmt.Sprintf("人%d", i), HomeCountyCode: c,
			InStaffPool: true, InLeaderPool: i == 2, FullTime: i == 1, Skills: map[bool]string{true: "审计"}[i == 5], Status: "在库"})
	}
	return &Service{DB: testworld.DB(t, rows...), User: "测试"}
}

func TestSaveAssignmentKeepsEvaluations(t *testing.T) {
	s := assignService(t)
	res, err := s.Assign("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	if res.Objective.Filled != 7 {
		t.Fatalf("filled %d of 7: %+v", res.Objective.Filled, res.Unfilled)
	}
	if err := s.SaveAssignment(res); err != nil {
		t.Fatal(err)
	}
	keep := res.Teams[0].Members[0].Person
	s.DB.Model(&model.TeamMember{}).Where("person_code = ?", keep).Update("evaluation", "优秀")
	edited := assign.Remove(res, res.Teams[0].Members[len(res.Teams[0].Members)-1].Person)
	if err := s.SaveAssignment(edited); err != nil {
		t.Fatal(err)
	}
	var ms []model.TeamMember
	s.DB.Order("id").Find(&ms)
	if len(ms) != 6 {
		t.Fatalf("saved %d members, want 6", len(ms))
	}
	for _, m := range ms {
		if m.PersonCode == keep && m.Evaluation != "优秀" {
			t.Errorf("%s lost their 鉴定", keep)
		}
	}
	var n int64
	s.DB.Model(&model.AuditEntry{}).Where("action = ? AND key = ?", "编组", "2026-1").Count(&n)
	if n != 2 {
		t.Errorf("%d audit entries, want 2", n)
	}
	bad := *res
	bad.Teams = []assign.TeamResult{{Team: "不存在的组"}}
	if err := s.SaveAssignment(&bad); err == nil {
		t.Error("a team outside the round must be refused")
	}
}

func TestAssignSettingsRoundTrip(t *testing.T) {
	s := assignService(t)
	set, err := s.AssignSettings()
	if err != nil || set.MaxPerCounty != 2 {
		t.Fatalf("defaults: %+v %v", set, err)
	}
	set.MaxPerCounty = 3
	if err := s.SaveAssignSettings(set); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.AssignSettings(); got.MaxPerCounty != 3 {
		t.Errorf("saved setting not read back: %+v", got)
	}
	set.MaxPerCounty = 0
	if err := s.SaveAssignSettings(set); err == nil {
		t.Error("an invalid setting must be refused")
	}
}

// TestSaveAssignmentPersonGone saves an assignment made before one of its
// members was deleted by another user: the message names the person.
func TestSaveAssignmentPersonGone(t *testing.T) {
	s := assignService(t)
	res, err := s.Assign("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	res.Teams[0].Members = append(res.Teams[0].Members, assign.Member{Person: "P99", Role: vocab.RoleMember})
	err = s.SaveAssignment(res)
	if err == nil {
		t.Fatal("saved a member who does not exist")
	}
	if !strings.Contains(err.Error(), "P99") || english(err.Error()) {
		t.Errorf("error = %q, want a Chinese message naming P99", err)
	}
}

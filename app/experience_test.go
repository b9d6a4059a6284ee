package app

import (
	"slices"
	"testing"

	"xuncha/app/assign"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestExperienceSettings: the defaults of SPEC §11.3, only a 管理员 changes
// them, a bad value is refused, and the solver reads them with the
// composition rules — which the 编组 settings, saved apart, leave alone.
func TestExperienceSettings(t *testing.T) {
	clerk, _ := plantRecusal(t)
	admin := as(clerk, "管理员", vocab.UserAdmin)
	x, err := clerk.ExperienceSettings()
	if err != nil || x.Core != 1 || !slices.Equal(x.StableRoles, []string{vocab.RoleLeader, vocab.RoleFullTime}) || x.Rounds() != 1 || x.Years() != 2 {
		t.Fatalf("defaults %+v, %v", x, err)
	}
	x.PromotedRanks, x.PromotedRounds, x.Core = []string{"副科级"}, 2, 0
	if err := clerk.SaveExperienceSettings(x); !denied(err) {
		t.Fatalf("a clerk changed the setting: %v", err)
	}
	if err := admin.SaveExperienceSettings(assign.Experience{PromotedRounds: 3}); err == nil {
		t.Fatal("3 rounds accepted")
	}
	if err := admin.SaveExperienceSettings(x); err != nil {
		t.Fatal(err)
	}
	set, err := admin.AssignSettings()
	if err != nil || set.Experience.Core != 0 || set.Experience.Rounds() != 2 {
		t.Fatalf("assign settings %+v, %v", set.Experience, err)
	}
	set.MaxPerCounty = 3
	set.Experience = assign.Experience{}
	if err := admin.SaveAssignSettings(set); err != nil {
		t.Fatal(err)
	}
	if got, _ := admin.AssignSettings(); got.MaxPerCounty != 3 || got.Experience.Rounds() != 2 || got.Experience.Core != 0 {
		t.Errorf("after saving the 编组 settings: %+v", got)
	}
}

// TestOwingReport: the report follows the saved ranks and rounds: a
// 副科级 cadre who served one round of two still owes one; a 科员 does not.
func TestOwingReport(t *testing.T) {
	clerk, _ := plantRecusal(t)
	testworld.Plant(t, clerk.DB,
		&model.Person{Code: "P11", Name: "副科一", HomeCountyCode: "C02", Rank: "副科级", PromotedOn: "2025-01-10", InStaffPool: true, Status: "在库"},
		&model.Person{Code: "P12", Name: "科员一", HomeCountyCode: "C02", Rank: "一级科员", PromotedOn: "2025-01-10", InStaffPool: true, Status: "在库"},
		&model.TeamMember{TeamID: 1, PersonCode: "P11", Role: vocab.RoleMember})
	admin := as(clerk, "管理员", vocab.UserAdmin)
	on := civil.MustParse("2026-06-01")
	rep, err := clerk.Owing(on)
	if err != nil || len(rep.Rows) != 1 || rep.Rows[0].Person != "P12" {
		t.Fatalf("default rules: %+v, %v", rep, err)
	}
	x := assign.DefaultExperience()
	x.PromotedRanks, x.PromotedRounds = []string{"副科级"}, 2
	if err := admin.SaveExperienceSettings(x); err != nil {
		t.Fatal(err)
	}
	rep, err = clerk.Owing(on)
	if err != nil || len(rep.Rows) != 1 {
		t.Fatalf("副科级, 2 rounds: %+v, %v", rep, err)
	}
	if o := rep.Rows[0]; o.Person != "P11" || o.Served != 1 || o.Owed != 1 || o.Due != civil.MustParse("2027-01-10") ||
		rep.Text != "新提拔干部（职级：副科级）自新提拔日期起 2 年内应参加巡察 2 轮" {
		t.Errorf("row %+v, text %q", o, rep.Text)
	}
	in, set, err := clerk.AssignInstance("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(in.People, func(p assign.Person) bool { return p.Code == "P11" })
	if owed, _ := set.Experience.Owes(in.People[i].Rank, in.People[i].PromotedOn, in.People[i].SincePromoted, in.Start); owed != 2 {
		t.Errorf("in round 2026-1 itself P11 owes %d, want 2 (the round is not served before itself)", owed)
	}
}
